// Accounts and roles managed from the server's command line (`npm run user -- ...`, lib/cli/user.ts; in the
// container, `node mockroom.cjs user ...`). Whoever can run these already holds the database, so this is where
// the ADMIN role comes from: registering an address never grants it. Takes its database client as an argument,
// like every module the command-line tools share with the server.
import type { PrismaClient } from "../db/prisma-client";
import { emailSchema } from "../schemas/auth";
import { issueResetToken, resetLink } from "./password-resets";

export class UserCommandError extends Error {}

function normalEmail(value: string): string {
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw new UserCommandError(`"${value}" is not an email address.`);
  return parsed.data;
}

async function existing(client: PrismaClient, email: string) {
  const user = await client.user.findUnique({
    where: { email: normalEmail(email) },
    select: { id: true, email: true, role: true },
  });
  if (!user) throw new UserCommandError(`No account uses ${normalEmail(email)}.`);
  return user;
}

/**
 * Makes the account an admin. With no account yet, creates one without a password and returns a link (valid
 * 30 minutes) for its owner to choose one.
 */
export async function grantAdmin(
  client: PrismaClient,
  email: string,
  appUrl: string,
): Promise<{ email: string; created: boolean; wasAdmin: boolean; link?: string }> {
  const address = normalEmail(email);
  const user = await client.user.findUnique({ where: { email: address }, select: { id: true, role: true } });
  if (user) {
    if (user.role !== "ADMIN") await client.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    return { email: address, created: false, wasAdmin: user.role === "ADMIN" };
  }
  const created = await client.user.create({ data: { email: address, role: "ADMIN" }, select: { id: true } });
  return {
    email: address,
    created: true,
    wasAdmin: false,
    link: resetLink(appUrl, await issueResetToken(client, created.id)),
  };
}

/** Makes the admin an ordinary user again; false when it was not an admin. */
export async function revokeAdmin(client: PrismaClient, email: string): Promise<boolean> {
  const user = await existing(client, email);
  if (user.role !== "ADMIN") return false;
  await client.user.update({ where: { id: user.id }, data: { role: "USER" } });
  return true;
}

export function listAdmins(client: PrismaClient) {
  return client.user.findMany({
    where: { role: "ADMIN" },
    orderBy: { email: "asc" },
    select: { email: true, name: true, createdAt: true, passwordHash: true },
  });
}

/** A reset link for the account (30 minutes, once), for servers that send no email. */
export async function createResetLink(client: PrismaClient, email: string, appUrl: string): Promise<string> {
  const user = await existing(client, email);
  return resetLink(appUrl, await issueResetToken(client, user.id));
}
