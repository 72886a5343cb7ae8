import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_EMAIL, runSeed } from "@/seed/load";

describe("seed", () => {
  it("creates no demo account when the demo is off", async () => {
    await runSeed(db(), { demo: false });
    expect(await db().user.count({ where: { email: DEMO_EMAIL } })).toBe(0);
  });

  it("creates the demo account once and returns its password only then", async () => {
    const first = await runSeed(db(), { demo: true });
    expect(first.demoPassword).toMatch(/^[\w-]{16}$/);
    const demo = await db().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    expect(await verifyPassword(demo.passwordHash, first.demoPassword!)).toBe(true);

    const second = await runSeed(db(), { demo: true });
    expect(second.demoPassword).toBeUndefined();
    expect(await db().user.count({ where: { email: DEMO_EMAIL } })).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } })).passwordHash).toBe(demo.passwordHash);
  });
});
