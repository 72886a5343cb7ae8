// Who becomes an admin. Registering or signing in with a password never grants the role, whatever the
// address (anyone can type any address into the sign-up form); ADMIN_EMAILS counts only when GitHub or
// Google verified that the identity signing in owns the address; otherwise only `npm run user -- grant-admin`
// on the server makes admins.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// ADMIN_EMAILS is read once per process; this file sets it before any app module loads.
process.env.ADMIN_EMAILS = "Boss@Example.test, second@example.test, third@example.test, fourth@example.test";
const { authenticate, createUser } = await import("@/lib/data/users");
const { authOptions } = await import("@/lib/auth/options");
const { db } = await import("@/lib/db/client");
const { runUserCommand } = await import("@/lib/accounts/user-command");
const { UserCommandError } = await import("@/lib/accounts/admins");
const { uniqueEmail } = await import("../factories");

const role = async (email: string) => (await db().user.findUnique({ where: { email }, select: { role: true } }))?.role;

/** next-auth's signIn callback, as it runs after GitHub or Google answered. */
async function oauthSignIn(provider: "github" | "google", id: string, email: string, profile: Record<string, unknown>) {
  const user = { id, email, name: "Someone" };
  const result = await authOptions().callbacks!.signIn!({
    user,
    account: { provider, providerAccountId: id, type: "oauth" },
    profile: { email, ...profile },
  } as never);
  return { result, user };
}

async function user(args: string[]) {
  const lines: string[] = [];
  const code = await runUserCommand(args, {
    appUrl: "https://mockroom.example",
    log: (line) => lines.push(line),
    withDatabase: (run) => run(db()),
  });
  return { code, out: lines.join("\n") };
}

describe("the ADMIN role", () => {
  it("is not given by registering a listed address, nor by signing in with a password", async () => {
    const created = await createUser({ email: "boss@example.test", password: "correct horse battery" });
    expect(created.role).toBe("USER");
    expect((await authenticate("boss@example.test", "correct horse battery"))?.role).toBe("USER");
    expect(await role("boss@example.test")).toBe("USER");
  });

  it("is given to a listed address signing in with Google or GitHub only when the provider verified it", async () => {
    const unverified = await oauthSignIn("google", "g-unverified", "second@example.test", { email_verified: false });
    expect(unverified.result).toBe(true);
    expect(await role("second@example.test")).toBe("USER");
    // The same identity again, now verified: promoted.
    await oauthSignIn("google", "g-unverified", "second@example.test", { email_verified: true });
    expect(await role("second@example.test")).toBe("ADMIN");

    await oauthSignIn("github", "gh-3", "third@example.test", { email_verified: true });
    expect(await role("third@example.test")).toBe("ADMIN");
    // A provider that says nothing (or anything but true) does not count.
    await oauthSignIn("github", "gh-4", "fourth@example.test", { email_verified: "true" });
    expect(await role("fourth@example.test")).toBe("USER");
  });

  it("is not given to unlisted addresses, verified or not", async () => {
    const email = uniqueEmail("plain");
    await oauthSignIn("google", "g-plain", email, { email_verified: true });
    expect(await role(email)).toBe("USER");
  });

  it("is given and taken by `npm run user` on the server", async () => {
    const email = uniqueEmail("promoted");
    await createUser({ email, password: "correct horse battery" });
    expect(await user(["grant-admin", email.toUpperCase()])).toEqual({ code: 0, out: `${email} is now an admin.` });
    expect(await role(email)).toBe("ADMIN");
    expect((await user(["grant-admin", email])).out).toBe(`${email} is already an admin.`);
    expect((await user(["list"])).out).toContain(`${email}\t\tpassword\tsince `);
    expect(await user(["revoke-admin", email])).toEqual({ code: 0, out: `${email} is no longer an admin.` });
    expect(await role(email)).toBe("USER");
    expect((await user(["list"])).out).not.toContain(email);
  });

  it("grant-admin creates a missing account without a password and prints a link to choose one", async () => {
    const email = uniqueEmail("new-admin");
    const { code, out } = await user(["grant-admin", email]);
    expect(code).toBe(0);
    expect(out).toMatch(
      new RegExp(
        `^Created ${email} as an admin\\..*\\nhttps://mockroom\\.example/reset-password\\?token=[A-Za-z0-9_-]{43}$`,
        "s",
      ),
    );
    const row = await db().user.findUniqueOrThrow({ where: { email } });
    expect(row).toMatchObject({ role: "ADMIN", passwordHash: null });
    expect(await db().passwordReset.count({ where: { userId: row.id } })).toBe(1);
  });

  it("reset-link prints a link for an existing account and refuses unknown addresses and bad usage", async () => {
    const email = uniqueEmail("forgetful");
    await createUser({ email, password: "correct horse battery" });
    expect((await user(["reset-link", email])).out).toMatch(
      /\nhttps:\/\/mockroom\.example\/reset-password\?token=[A-Za-z0-9_-]{43}$/,
    );
    await expect(user(["reset-link", uniqueEmail("nobody")])).rejects.toBeInstanceOf(UserCommandError);
    await expect(user(["revoke-admin", "not an email"])).rejects.toThrow('"not an email" is not an email address.');
    for (const args of [[], ["grant-admin"], ["list", "extra"], ["promote", email], ["grant-admin", email, "extra"]]) {
      const { code, out } = await user(args);
      expect(code).toBe(2);
      expect(out).toContain("Usage: npm run user -- <command>");
    }
  });

  it("`npm run user` runs as a command on the server's database", () => {
    const email = uniqueEmail("cli");
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/user.ts", ...args], {
        env: { ...process.env, APP_URL: "https://mockroom.example", LOG_LEVEL: "silent" },
        encoding: "utf8",
        timeout: 60_000,
      });
    const granted = run(["grant-admin", email]);
    expect(granted.stderr).toBe("");
    expect(granted.status).toBe(0);
    expect(granted.stdout).toMatch(/https:\/\/mockroom\.example\/reset-password\?token=/);
    return expect(role(email)).resolves.toBe("ADMIN");
  }, 90_000);
});
