import "server-only";
import { db } from "../db/client";
import {
  backoffWait,
  keys,
  nextCount,
  pairRule,
  signInRules,
  type BackoffRule,
  type Counter,
} from "../auth/rate-limit-rules";

// Password sign-in throttling (docs/decisions/0009-sign-in-throttling.md): failures are counted per (account,
// client address), per client address and per account, in PostgreSQL so every instance sees the same counts.
// An attempt is reserved before the password is checked, in one transaction with the counters' rows locked,
// so a burst of parallel requests gets no more tries than the same requests one by one. Reserved attempts
// count as failures until the sign-in succeeds.

type Entry = { key: string; rule: (counters: Map<string, Counter>, now: number) => BackoffRule; blocks: boolean };

function entriesFor(email: string | null, ip: string): Entry[] {
  const address: Entry = { key: keys.signInAddress(ip), rule: () => signInRules.address, blocks: true };
  if (!email) return [address];
  const accountKey = keys.signInAccount(email);
  return [
    { key: keys.signInPair(email, ip), rule: (counters, now) => pairRule(counters.get(accountKey), now), blocks: true },
    address,
    // Counted for every attempt on the account, from anywhere; it only ever tightens the pair's rule.
    { key: accountKey, rule: () => signInRules.account, blocks: false },
  ];
}

/**
 * Reserves one password attempt for `email` (null when the form's email is not one) from `ip`, or returns how
 * many seconds it must wait. The answer depends only on the counters, never on whether the account exists.
 */
export async function claimSignInAttempt(email: string | null, ip: string): Promise<number> {
  const entries = entriesFor(email, ip);
  const list = entries.map((e) => e.key);
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`
      insert into "RateLimit" ("key", "count", "windowStart") select k, 0, to_timestamp(0) from unnest(${list}::text[]) as k
      on conflict ("key") do nothing`;
      const rows = await tx.$queryRaw<{ key: string; count: number; last_at: number; now: number }[]>`
      select "key", "count", (extract(epoch from "windowStart") * 1000)::float8 as last_at, (extract(epoch from now()) * 1000)::float8 as now
      from "RateLimit" where "key" = any(${list}::text[]) order by "key" for update`;
      const now = rows[0]!.now; // the database's clock: the same for every instance
      const counters = new Map(rows.map((r) => [r.key, { count: r.count, lastAt: r.last_at }]));
      const wait = Math.max(
        0,
        ...entries.filter((e) => e.blocks).map((e) => backoffWait(counters.get(e.key), e.rule(counters, now), now)),
      );
      if (wait > 0) return wait;
      const counts = entries.map((e) => nextCount(counters.get(e.key), e.rule(counters, now), now));
      await tx.$executeRaw`
      update "RateLimit" r set "count" = v.count, "windowStart" = now()
      from unnest(${list}::text[], ${counts}::int[]) as v("key", "count") where r."key" = v."key"`;
      return 0;
    },
    { maxWait: 5_000, timeout: 10_000 },
  ); // past them: P2028, a 503 (lib/db/errors.ts)
}

/** The password was right: the pair starts afresh, and the attempt no longer counts for the address or the account. */
export async function signInSucceeded(email: string, ip: string): Promise<void> {
  await db().$transaction([
    db().rateLimit.deleteMany({ where: { key: keys.signInPair(email, ip) } }),
    db()
      .$executeRaw`update "RateLimit" set "count" = greatest("count" - 1, 0) where "key" in (${keys.signInAddress(ip)}, ${keys.signInAccount(email)})`,
  ]);
}

/** Forgets the failures of this account from this address (after the owner reset the password from it). */
export async function clearSignInPair(email: string, ip: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key: keys.signInPair(email, ip) } });
}
