// Password sign-in throttling on the real database (lib/data/sign-in-limits.ts): both sides. An attacker
// is slowed down per (account, address) and per address; the owner, from another address, is never locked out;
// nothing in the answers depends on whether the account exists; parallel attempts get no extra tries.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimSignInAttempt, signInSucceeded } from "@/lib/data/sign-in-limits";
import { db } from "@/lib/db/client";
import { ACCOUNT_UNDER_ATTACK, keys } from "@/lib/auth/rate-limit-rules";
import { uniqueEmail } from "../factories";

let subnet = 0;
/** A fresh /24 for each test, so address counters never carry over between tests. */
const addresses = () => {
  subnet++;
  return (host: number) => `10.${Math.floor(subnet / 256)}.${subnet % 256}.${host}`;
};

/** A failed attempt: claimed, and the password was wrong (nothing to undo). */
const fail = (email: string | null, ip: string) => claimSignInAttempt(email, ip);

describe("sign-in throttling", () => {
  it("lets an address fail 5 times for one account, then makes it wait 1, 2, 4... minutes", async () => {
    const at = addresses();
    const email = uniqueEmail("pair");
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await fail(email, at(1)));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBeGreaterThan(55);
    expect(waits[5]).toBeLessThanOrEqual(60);
    // A refused attempt does not count: the wait runs from the last failure.
    expect((await db().rateLimit.findUniqueOrThrow({ where: { key: keys.signInPair(email, at(1)) } })).count).toBe(5);
    // The minute passes (moved in the database): one more try, then two minutes.
    await db().rateLimit.update({
      where: { key: keys.signInPair(email, at(1)) },
      data: { windowStart: new Date(Date.now() - 61_000) },
    });
    expect(await fail(email, at(1))).toBe(0);
    const next = await fail(email, at(1));
    expect(next).toBeGreaterThan(115);
    expect(next).toBeLessThanOrEqual(120);
  });

  it("never keeps the owner out: while an attacker is throttled, a right password from another address signs in", async () => {
    const at = addresses();
    const email = uniqueEmail("owner");
    for (let i = 0; i < 5; i++) await fail(email, at(66));
    expect(await fail(email, at(66))).toBeGreaterThan(0);
    // The owner, elsewhere: allowed, and their success leaves no trace.
    expect(await claimSignInAttempt(email, at(7))).toBe(0);
    await signInSucceeded(email, at(7));
    expect(await db().rateLimit.findUnique({ where: { key: keys.signInPair(email, at(7)) } })).toBeNull();
    // Even the owner's own typos from their address do not reach the attacker's wait.
    expect(await fail(email, at(7))).toBe(0);
  });

  it("answers the same whether or not the account exists (the keys depend on the typed address only)", async () => {
    const at = addresses();
    const unknown = uniqueEmail("ghost");
    const waits = [];
    for (let i = 0; i < 6; i++) waits.push(await fail(unknown, at(1)));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBeGreaterThan(55);
  });

  it("slows an address that sprays many accounts after 30 failures, for any account, also a fresh one", async () => {
    const at = addresses();
    for (let i = 0; i < 30; i++) expect(await fail(uniqueEmail("spray"), at(9))).toBe(0);
    expect(await fail(uniqueEmail("spray"), at(9))).toBeGreaterThan(55);
    expect(await fail(null, at(9))).toBeGreaterThan(55); // a form without a valid email too
    expect(await fail(uniqueEmail("spray"), at(10))).toBe(0); // the neighbour is not
  });

  it("under a distributed attack gives each address one failure for the account, never a lock", async () => {
    const at = addresses();
    const email = uniqueEmail("botnet");
    await db().rateLimit.create({
      data: { key: keys.signInAccount(email), count: ACCOUNT_UNDER_ATTACK, windowStart: new Date() },
    });
    expect(await fail(email, at(1))).toBe(0);
    expect(await fail(email, at(1))).toBeGreaterThan(55); // the second failure from one address waits
    expect(await claimSignInAttempt(email, at(2))).toBe(0); // a fresh address (the owner's) still gets in
  });

  it("gives a burst of parallel attempts no more tries than the same attempts one by one", async () => {
    const at = addresses();
    const email = uniqueEmail("burst");
    const waits = await Promise.all(Array.from({ length: 20 }, () => fail(email, at(1))));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
    expect((await db().rateLimit.findUniqueOrThrow({ where: { key: keys.signInPair(email, at(1)) } })).count).toBe(5);
  });

  it("property: whatever attackers do from other addresses, the owner's first try from their own address is let in", async () => {
    const owner = uniqueEmail("prop-owner");
    const others = [uniqueEmail("prop-a"), uniqueEmail("prop-b")];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            target: fc.constantFrom(owner, null, ...others),
            host: fc.integer({ min: 1, max: 4 }),
            success: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        async (attempts) => {
          const at = addresses();
          for (const attempt of attempts) {
            const wait = await claimSignInAttempt(attempt.target, at(attempt.host));
            if (wait === 0 && attempt.success && attempt.target)
              await signInSucceeded(attempt.target, at(attempt.host));
          }
          expect(await claimSignInAttempt(owner, at(200))).toBe(0);
          await signInSucceeded(owner, at(200));
        },
      ),
      { numRuns: 15, seed: 20261206 },
    );
  });
});
