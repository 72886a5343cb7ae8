import "server-only";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { Prisma, type Role } from "../generated/prisma/client";
import { hashPassword, verifyPassword } from "../auth/password";
import type { RegisterInput } from "../schemas/auth";
import type { TimeMultiplier } from "../schemas/fields";

/** `timeZone` rides along (same row, no extra query) so every page can show dates in it (lib/format). */
export type SessionUser = { id: string; email: string; name: string | null; role: Role; timeZone: string };

const sessionFields = { id: true, email: true, name: true, role: true, timeZone: true } as const;

// Roles: ADMIN comes only from a command run on the server (npm run user -- grant-admin, lib/accounts/admins.ts)
// or, for an address in ADMIN_EMAILS, from signing in with a provider that verified the address
// (userForExternalAccount). Registering or signing in with a password never changes a role: anyone can type
// any address into the sign-up form.

export async function createUser(input: RegisterInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().user.create({
      data: { email: input.email, name: input.name ?? null, passwordHash },
      select: sessionFields,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "An account with this email already exists.", {
        fields: { email: ["An account with this email already exists."] },
      });
    }
    throw error;
  }
}

/** The user whose password matches, or null; a miss costs as much time whether or not the email exists. */
export async function authenticate(email: string, password: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({ where: { email }, select: { ...sessionFields, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, timeZone: user.timeZone };
}

export function getUserById(id: string): Promise<SessionUser | null> {
  return db().user.findUnique({ where: { id }, select: sessionFields });
}

/**
 * The user behind a GitHub or Google identity: the linked one, or a new account. An existing
 * password account with the same email is not linked silently (that would let whoever controls the
 * external account take it over); null then, and sign-in reports it. An account whose email is in
 * ADMIN_EMAILS becomes an admin here, and only when the provider verified that this identity owns it.
 */
export async function userForExternalAccount(input: {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
}): Promise<SessionUser | null> {
  const email = input.email.trim().toLowerCase();
  const admin = input.emailVerified && env().ADMIN_EMAILS.includes(email);
  return db().$transaction(async (tx) => {
    const linked = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
      select: { user: { select: sessionFields } },
    });
    if (linked) {
      if (!admin || linked.user.role === "ADMIN" || linked.user.email !== email) return linked.user;
      return tx.user.update({ where: { id: linked.user.id }, data: { role: "ADMIN" }, select: sessionFields });
    }
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return null;
    return tx.user.create({
      data: {
        email,
        name: input.name,
        role: admin ? "ADMIN" : "USER",
        accounts: { create: { provider: input.provider, providerAccountId: input.providerAccountId } },
      },
      select: sessionFields,
    });
  });
}

/** The user's default extra time for timed interviews (1, 1.5 or 2). */
export async function getTimeMultiplier(userId: string): Promise<number> {
  return (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { timeMultiplier: true } }))
    .timeMultiplier;
}

export async function setTimeMultiplier(userId: string, value: TimeMultiplier): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { timeMultiplier: value } });
}

/**
 * Whether PostgreSQL knows a zone the schema accepted (lib/schemas/fields.ts): the dashboard and the revision
 * queue compute the user's days with `at time zone`, which fails for a name only Node knows.
 */
export async function databaseKnowsTimeZone(
  client: Pick<ReturnType<typeof db>, "$queryRaw">,
  zone: string,
): Promise<boolean> {
  const rows = await client.$queryRaw<
    { known: boolean }[]
  >`select exists (select 1 from pg_timezone_names where name = ${zone}) as known`;
  return rows[0]?.known === true;
}

export const unknownTimeZone = (field = "timeZone") =>
  new AppError("VALIDATION", "Some fields are invalid.", {
    fields: { [field]: ["is not a time zone the database knows: choose another name for it"] },
  });

export async function setTimeZone(userId: string, timeZone: string): Promise<void> {
  if (!(await databaseKnowsTimeZone(db(), timeZone))) throw unknownTimeZone();
  await db().user.update({ where: { id: userId }, data: { timeZone } });
}

export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}
