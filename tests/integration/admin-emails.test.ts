import { describe, expect, it } from "vitest";

// ADMIN_EMAILS is read once per process; this file sets it before any app module loads.
process.env.ADMIN_EMAILS = "Boss@Example.test, second@example.test";
const { authenticate, createUser } = await import("@/lib/data/users");
const { db } = await import("@/lib/db");

describe("ADMIN_EMAILS", () => {
  it("makes a listed address an admin when it registers", async () => {
    const user = await createUser({ email: "boss@example.test", password: "correct horse battery" });
    expect(user.role).toBe("ADMIN");
  });

  it("promotes an existing account on its next sign-in", async () => {
    await db().user.create({ data: { email: "second@example.test", passwordHash: null } });
    const { hashPassword } = await import("@/lib/password");
    await db().user.update({ where: { email: "second@example.test" }, data: { passwordHash: await hashPassword("correct horse battery") } });
    expect((await authenticate("second@example.test", "correct horse battery"))?.role).toBe("ADMIN");
    expect((await db().user.findUniqueOrThrow({ where: { email: "second@example.test" } })).role).toBe("ADMIN");
  });

  it("leaves everyone else a USER", async () => {
    expect((await createUser({ email: "plain@example.test", password: "correct horse battery" })).role).toBe("USER");
  });
});
