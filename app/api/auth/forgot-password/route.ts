import { apiRoute, assertSameOrigin, json, readJson, requestId } from "@/lib/http/api";
import { sendResetLink } from "@/lib/data/passwords";
import { recordHit } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/http/errors";
import { mailConfigured } from "@/lib/accounts/mail";
import { clientIp, keys, rules } from "@/lib/auth/rate-limit-rules";
import { forgotPasswordSchema } from "@/lib/schemas/auth";
import { minutesText } from "@/lib/format/format";

const ANSWER =
  "If an account uses this address, we sent it a link to choose a new password. The link works once, for 30 minutes.";

/**
 * Emails a reset link. The answer is the same, and comes as fast, whether or not the address has an account:
 * the lookup and the email happen after it (lib/data/passwords.ts sendResetLink).
 */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const { email } = await readJson(request, forgotPasswordSchema);
  // Not an outage but a server without email: this endpoint does not exist here (the page says what to do instead).
  if (!mailConfigured())
    throw new AppError(
      "NOT_FOUND",
      "Password reset by email is not set up on this server. Ask its administrator for a reset link.",
    );
  // Counted before deciding, in one statement each: parallel requests cannot slip past the limit.
  const [byIp, byEmail] = await Promise.all([
    recordHit(keys.resetIp(clientIp(request)), rules.resetIp),
    recordHit(keys.resetEmail(email), rules.resetEmail),
  ]);
  const over = [
    byIp.count > rules.resetIp.limit ? byIp.retryAfter : 0,
    byEmail.count > rules.resetEmail.limit ? byEmail.retryAfter : 0,
  ];
  const retryAfter = Math.max(...over);
  if (retryAfter > 0)
    throw new AppError("RATE_LIMITED", `Too many reset requests. Try again in ${minutesText(retryAfter)}.`, {
      retryAfter,
    });
  void sendResetLink(email, requestId(request));
  return json({ message: ANSWER }, { status: 202 });
});
