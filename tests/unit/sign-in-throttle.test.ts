import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACCOUNT_UNDER_ATTACK,
  addressKey,
  backoffWait,
  keys,
  nextCount,
  pairRule,
  signInRules,
  type BackoffRule,
} from "@/lib/auth/rate-limit-rules";

const NOW = 1_800_000_000_000;
const rule: BackoffRule = signInRules.pair;

describe("growing delays", () => {
  it("costs nothing for the first failures, then 1, 2, 4, 8 minutes, then 15 at most", () => {
    const waits = Array.from({ length: 12 }, (_, i) => backoffWait({ count: i, lastAt: NOW }, rule, NOW));
    expect(waits).toEqual([0, 0, 0, 0, 0, 60, 120, 240, 480, 900, 900, 900]);
  });

  it("counts down from the latest failure, and forgets a counter a day after it", () => {
    expect(backoffWait({ count: 6, lastAt: NOW - 30_000 }, rule, NOW)).toBe(90);
    expect(backoffWait({ count: 6, lastAt: NOW - 120_000 }, rule, NOW)).toBe(0);
    expect(backoffWait({ count: 1000, lastAt: NOW - 86_400_000 }, rule, NOW)).toBe(0);
    expect(nextCount({ count: 1000, lastAt: NOW - 86_400_000 }, rule, NOW)).toBe(1);
    expect(nextCount({ count: 7, lastAt: NOW - 1000 }, rule, NOW)).toBe(8);
    expect(nextCount(undefined, rule, NOW)).toBe(1);
  });

  it("property: never negative, never above the cap, never shorter after one more failure, never longer as time passes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2 * 86_400_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        (count, ago, later) => {
          const counter = { count, lastAt: NOW - ago };
          const wait = backoffWait(counter, rule, NOW);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(rule.maxSeconds);
          expect(Number.isFinite(wait)).toBe(true);
          if (ago < rule.forgetSeconds * 1000)
            expect(backoffWait({ ...counter, count: count + 1 }, rule, NOW)).toBeGreaterThanOrEqual(wait);
          expect(backoffWait(counter, rule, NOW + later)).toBeLessThanOrEqual(wait);
        },
      ),
    );
  });

  it("tightens the pair's allowance to one failure only while the account is under attack from everywhere", () => {
    expect(pairRule(undefined, NOW).free).toBe(5);
    expect(pairRule({ count: ACCOUNT_UNDER_ATTACK - 1, lastAt: NOW }, NOW).free).toBe(5);
    expect(pairRule({ count: ACCOUNT_UNDER_ATTACK, lastAt: NOW }, NOW).free).toBe(1);
    expect(pairRule({ count: 10_000, lastAt: NOW - 3_600_000 }, NOW).free).toBe(5); // quiet for an hour: over
    // Even then a fresh address is let in: the owner's first try from anywhere new.
    expect(backoffWait(undefined, pairRule({ count: 10_000, lastAt: NOW }, NOW), NOW)).toBe(0);
    expect(backoffWait({ count: 1, lastAt: NOW }, pairRule({ count: 10_000, lastAt: NOW }, NOW), NOW)).toBe(60);
  });

  it("the account's own counter never blocks", () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 86_400_000 }), (count, ago) => {
        expect(backoffWait({ count, lastAt: NOW - ago }, signInRules.account, NOW)).toBe(0);
      }),
    );
  });
});

describe("the address a per-address limit counts", () => {
  const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
  const ipv6 = fc.array(hex, { minLength: 8, maxLength: 8 });

  it("is an IPv4 address as such, also when written IPv4-mapped; anything else is one 'unknown' bucket", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("not an address")).toBe("unknown");
    expect(addressKey("")).toBe("unknown");
    expect(keys.signInAddress("::ffff:10.0.0.1")).toBe(keys.signInAddress("10.0.0.1"));
  });

  it("property: every IPv6 address of one /64 is one subject, however it is written; another /64 is another", () => {
    fc.assert(
      fc.property(ipv6, ipv6, ipv6, (a, b, c) => {
        const sameNetwork = [...a.slice(0, 4), ...b.slice(4)];
        const full = (groups: string[]) => groups.join(":");
        // The compressed spelling of the same address (a run of zero groups as "::") counts the same.
        const compressed = full(sameNetwork).replace(/(^|:)0(:0)+(:|$)/, "::");
        expect(addressKey(full(sameNetwork))).toBe(addressKey(full(a)));
        expect(addressKey(compressed)).toBe(addressKey(full(a)));
        expect(addressKey(`[${full(a).toUpperCase()}]`)).toBe(addressKey(full(a)));
        const otherNetwork =
          c
            .slice(0, 4)
            .map((g) => parseInt(g, 16))
            .join() !==
          a
            .slice(0, 4)
            .map((g) => parseInt(g, 16))
            .join();
        if (otherNetwork) expect(addressKey(full(c))).not.toBe(addressKey(full(a)));
      }),
    );
  });

  it("property: distinct IPv4 addresses are distinct subjects", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), (a, b) => {
        expect(addressKey(a) === addressKey(b)).toBe(a === b);
      }),
    );
  });
});
