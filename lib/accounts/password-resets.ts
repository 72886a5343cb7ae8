// Password reset links, shared by the server (lib/data/passwords.ts) and `npm run user -- reset-link`
// (lib/cli/user.ts), which is why this module takes its database client as an argument. A link carries 32
// random bytes; only their SHA-256 is stored, so the table alone opens no account. A link works once, for
// 30 minutes; a newer link, using one, or changing the password voids all of the user's earlier links.
import crypto from "node:crypto";
import type { PrismaClient } from "../db/prisma-client";

export const RESET_TTL_MINUTES = 30;

/** The stored form of a token. */
export function hashResetToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it appears in links: 32 random bytes, base64url (43 characters). */
export const RESET_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Stores a new reset token for the user and returns it (the only time it exists in clear); the user's earlier
 * links stop working, so only the newest email opens the account.
 */
export async function issueResetToken(client: PrismaClient, userId: string, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await client.$transaction([
    client.passwordReset.deleteMany({ where: { userId } }),
    client.passwordReset.create({
      data: {
        userId,
        tokenHash: hashResetToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_TTL_MINUTES * 60_000),
      },
    }),
  ]);
  return token;
}

/** The page a link opens; the token is in the query so the page can say at once whether it is still good. */
export function resetLink(appUrl: string, token: string): string {
  return `${appUrl}/reset-password?token=${token}`;
}
