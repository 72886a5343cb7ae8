import { afterAll, describe, expect, it } from "vitest";
import { blockedFor, clearHits, pruneRateLimits, recordHit } from "@/lib/data/rate-limits";
import { db } from "@/lib/db/client";
import { createPrismaClient } from "@/lib/db/prisma-client";

// A second client stands in for a second app instance on the same database.
const otherInstance = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => otherInstance.$disconnect());

const rule = { limit: 3, windowSeconds: 900 };

describe("PostgreSQL rate limits", () => {
  it("counts hits and blocks once the limit is reached", async () => {
    expect(await blockedFor("t:a", rule)).toBe(0);
    expect((await recordHit("t:a", rule)).count).toBe(1);
    await recordHit("t:a", rule);
    expect(await blockedFor("t:a", rule)).toBe(0);
    const third = await recordHit("t:a", rule);
    expect(third.count).toBe(3);
    const wait = await blockedFor("t:a", rule);
    expect(wait).toBeGreaterThan(890);
    expect(wait).toBeLessThanOrEqual(900);
  });

  it("counts concurrent hits from several instances exactly", async () => {
    const hits = Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? recordHit("t:shared", rule)
        : otherInstance.$queryRaw`insert into "RateLimit" ("key","count","windowStart") values ('t:shared', 1, now())
            on conflict ("key") do update set "count" = "RateLimit"."count" + 1 returning "count"`,
    );
    await Promise.all(hits);
    expect((await db().rateLimit.findUniqueOrThrow({ where: { key: "t:shared" } })).count).toBe(20);
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 3; i++) await recordHit("t:window", rule);
    await db().rateLimit.update({ where: { key: "t:window" }, data: { windowStart: new Date(Date.now() - 901_000) } });
    expect(await blockedFor("t:window", rule)).toBe(0);
    expect((await recordHit("t:window", rule)).count).toBe(1);
  });

  it("clears a key and prunes old windows", async () => {
    await recordHit("t:clear", rule);
    await clearHits("t:clear");
    expect(await db().rateLimit.findUnique({ where: { key: "t:clear" } })).toBeNull();
    await recordHit("t:old", rule);
    await db().rateLimit.update({
      where: { key: "t:old" },
      data: { windowStart: new Date(Date.now() - 2 * 86_400_000) },
    });
    expect(await pruneRateLimits()).toBeGreaterThanOrEqual(1);
    expect(await db().rateLimit.findUnique({ where: { key: "t:old" } })).toBeNull();
  });
});
