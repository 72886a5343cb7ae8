import "server-only";
import {
  hashResetToken,
  issueResetToken,
  RESET_TOKEN,
  RESET_TTL_MINUTES,
  resetLink,
} from "../accounts/password-resets";
import { publicUrl } from "../config";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../http/errors";
import { describeError, logger } from "../logger";
import { sendMail } from "../accounts/mail";
import { hashPassword, verifyPassword } from "../auth/password";
import { forgetUserSessions } from "./sessions";

// Changing a password and resetting a forgotten one. Both end sessions: a change ends every other session of
// the user (the one asking stays signed in), a reset ends all of them; both void the user's reset links.

const wrongPassword = () =>
  new AppError("VALIDATION", "Some fields are invalid.", {
    fields: { currentPassword: ["The current password is not correct."] },
  });
const badLink = () =>
  new AppError("VALIDATION", "This reset link has expired or was already used. Ask for a new one.", {
    fields: { token: ["This reset link has expired or was already used. Ask for a new one."] },
  });

/** Sets a new password after checking the current one; ends the user's other sessions. Throws wrongPassword on a mismatch. */
export async function changePassword(
  userId: string,
  currentSession: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
  if (!user.passwordHash)
    throw new AppError("CONFLICT", "This account signs in with GitHub or Google and has no password to change.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw wrongPassword();
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction([
    db().user.update({ where: { id: userId }, data: { passwordHash } }),
    db().passwordReset.deleteMany({ where: { userId } }),
    db().session.deleteMany({ where: { userId, id: { not: currentSession } } }),
  ]);
  forgetUserSessions(userId, currentSession);
}

/** Whether a reset link can still be used (for the page; using it is resetPassword's job). */
export async function resetTokenUsable(token: string): Promise<boolean> {
  if (!RESET_TOKEN.test(token)) return false;
  return Boolean(
    await db().passwordReset.findFirst({
      where: { tokenHash: hashResetToken(token), expiresAt: { gt: new Date() } },
      select: { id: true },
    }),
  );
}

/**
 * Uses a reset link: the new password is set, every reset link and session of the user ends, in one transaction.
 * Returns the account's email. A link that is unknown, used or expired is refused, and two concurrent uses of one
 * link cannot both succeed (the row is deleted by the statement that reads it).
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ userId: string; email: string }> {
  // Checked first so that junk does not cost an argon2 hash.
  if (!(await resetTokenUsable(token))) throw badLink();
  const passwordHash = await hashPassword(newPassword);
  const user = await db().$transaction(async (tx) => {
    const [used] = await tx.$queryRaw<{ userId: string; live: boolean }[]>`
      delete from "PasswordReset" where "tokenHash" = ${hashResetToken(token)} returning "userId", "expiresAt" > now() as live`;
    if (!used?.live) throw badLink();
    await tx.passwordReset.deleteMany({ where: { userId: used.userId } });
    await tx.session.deleteMany({ where: { userId: used.userId } });
    return tx.user.update({ where: { id: used.userId }, data: { passwordHash }, select: { id: true, email: true } });
  });
  forgetUserSessions(user.id);
  return { userId: user.id, email: user.email };
}

/**
 * Emails a reset link when the address has an account; does nothing otherwise. Callers do not wait for it and
 * answer the same either way, so neither the answer nor its timing tells whether the address has an account.
 * Failures are logged without the link.
 */
export async function sendResetLink(email: string, requestId: string): Promise<void> {
  try {
    const user = await db().user.findUnique({ where: { email }, select: { id: true } });
    if (!user) return;
    const token = await issueResetToken(db(), user.id);
    await sendMail({
      to: email,
      subject: "Reset your Mockroom password",
      text: [
        "Someone (hopefully you) asked to reset the password of your Mockroom account.",
        "",
        `Choose a new password here, within ${RESET_TTL_MINUTES} minutes:`,
        resetLink(publicUrl(env()), token),
        "",
        "The link works once. Using it signs you out everywhere.",
        "If you did not ask for this, ignore this email: your password stays as it is.",
      ].join("\n"),
    });
    logger.info("password reset email sent", { requestId });
  } catch (error) {
    logger.error("password reset email failed", { requestId, ...describeError(error), stack: undefined });
  }
}
