import "server-only";
import { db } from "../db/client";
import { COUNTERS_KEPT_SECONDS } from "../auth/rate-limit-rules";

// Fixed-window counters in PostgreSQL, so every app instance sees the same counts. One statement per
// hit: the upsert both increments and restarts an expired window, atomically.

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitState = { count: number; retryAfter: number };

export async function recordHit(key: string, rule: RateLimitRule): Promise<RateLimitState> {
  const rows = await db().$queryRaw<{ count: number; retry_after: number }[]>`
    insert into "RateLimit" ("key", "count", "windowStart") values (${key}, 1, now())
    on conflict ("key") do update set
      "count" = case when "RateLimit"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}) then 1 else "RateLimit"."count" + 1 end,
      "windowStart" = case when "RateLimit"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds}) then now() else "RateLimit"."windowStart" end
    returning "count", extract(epoch from ("windowStart" + make_interval(secs => ${rule.windowSeconds}) - now()))::float8 as retry_after`;
  const row = rows[0]!;
  return { count: row.count, retryAfter: row.retry_after };
}

/** Seconds until `key` may act again, or 0 when it is under its limit. */
export async function blockedFor(key: string, rule: RateLimitRule): Promise<number> {
  const rows = await db().$queryRaw<{ retry_after: number }[]>`
    select extract(epoch from ("windowStart" + make_interval(secs => ${rule.windowSeconds}) - now()))::float8 as retry_after
    from "RateLimit"
    where "key" = ${key} and "count" >= ${rule.limit} and "windowStart" > now() - make_interval(secs => ${rule.windowSeconds})`;
  return rows[0] ? Math.max(1, Math.ceil(rows[0].retry_after)) : 0;
}

export async function clearHits(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key } });
}

/** Drops counters no rule looks at any more; called now and then so the table stays small. */
export async function pruneRateLimits(olderThanSeconds = COUNTERS_KEPT_SECONDS): Promise<number> {
  return db()
    .$executeRaw`delete from "RateLimit" where "windowStart" < now() - make_interval(secs => ${olderThanSeconds})`;
}
