import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { verifyPassword } from "../auth/password";
import { keys } from "../auth/rate-limit-rules";
import { forgetUserSessions } from "./sessions";

/** How recent a sign-in must be to delete an account that has no password. */
export const REAUTH_SECONDS = 600;
/**
 * Deletes the account and every row it owns, in one transaction: the user row's foreign keys cascade
 * to interviews, answers, notes, practice answers and versions, bookmarks, sets, review cards and log.
 * So do its sessions (other instances stop accepting them within lib/data/sessions.ts's check interval) and
 * the rate-limit counters keyed by the email. Accounts with a password must give it.
 */
export async function deleteAccount(
  userId: string,
  password: string | undefined,
  signedInAt: number | null,
  now = new Date(),
) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  if (user.passwordHash) {
    if (!password || !(await verifyPassword(user.passwordHash, password))) {
      throw new AppError("VALIDATION", "Some fields are invalid.", {
        fields: { password: ["The password is not correct."] },
      });
    }
  } else if (!signedInAt || now.getTime() / 1000 - signedInAt > REAUTH_SECONDS) {
    // GitHub/Google accounts have no password to ask for: a sign-in in the last few minutes stands in for it.
    throw new AppError("FORBIDDEN", "Sign in again to confirm, then delete your account within 10 minutes.", {
      extra: { reauthenticate: true },
    });
  }
  await db().$transaction([
    // starts_with, not LIKE: "_" and "%" are ordinary characters in an email.
    db()
      .$executeRaw`delete from "RateLimit" where "key" = any(${keys.emailKeys(user.email)}::text[]) or starts_with("key", ${keys.pairPrefix(user.email)})`,
    db().user.delete({ where: { id: userId } }),
  ]);
  forgetUserSessions(userId);
}
