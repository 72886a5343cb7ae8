import { describe, expect, it } from "vitest";
import { authenticate, createUser, getUserById, userForExternalAccount } from "@/lib/data/users";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { DEFAULT_PASSWORD, uniqueEmail, userFactory } from "../factories";

describe("users", () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await userFactory();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(DEFAULT_PASSWORD);
    expect(row.role).toBe("USER");
  });

  it("refuses a second account with the same email as a CONFLICT on the email field", async () => {
    const email = uniqueEmail();
    await createUser({ email, password: DEFAULT_PASSWORD });
    const error = await createUser({ email, password: DEFAULT_PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).fields).toHaveProperty("email");
  });

  it("authenticates the right password only, and the same way for unknown emails", async () => {
    const user = await userFactory({ name: "Ada" });
    expect(await authenticate(user.email, DEFAULT_PASSWORD)).toMatchObject({ id: user.id, name: "Ada", role: "USER" });
    expect(await authenticate(user.email, "wrong password!")).toBeNull();
    expect(await authenticate(uniqueEmail("nobody"), DEFAULT_PASSWORD)).toBeNull();
  });

  it("looks users up by id", async () => {
    const user = await userFactory();
    expect((await getUserById(user.id))?.email).toBe(user.email);
    expect(await getUserById("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("creates and then reuses a user for an external identity, but never silently takes over a password account", async () => {
    const email = uniqueEmail("gh");
    const first = await userForExternalAccount({
      provider: "github",
      providerAccountId: "42",
      email,
      name: "Octo",
      emailVerified: true,
    });
    expect(first?.email).toBe(email);
    const again = await userForExternalAccount({
      provider: "github",
      providerAccountId: "42",
      email,
      name: "Octo",
      emailVerified: true,
    });
    expect(again?.id).toBe(first?.id);

    const existing = await userFactory();
    expect(
      await userForExternalAccount({
        provider: "google",
        providerAccountId: "g-1",
        email: existing.email,
        name: null,
        emailVerified: true,
      }),
    ).toBeNull();
    expect(await db().account.count({ where: { userId: existing.id } })).toBe(0);
  });
});
