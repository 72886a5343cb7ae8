import { apiRoute, assertSameOrigin, json, readJson } from "@/lib/http/api";
import { resetPassword } from "@/lib/data/passwords";
import { recordHit } from "@/lib/data/rate-limits";
import { clearSignInPair } from "@/lib/data/sign-in-limits";
import { AppError } from "@/lib/http/errors";
import { clientIp, keys, rules } from "@/lib/auth/rate-limit-rules";
import { resetPasswordSchema } from "@/lib/schemas/auth";
import { minutesText } from "@/lib/format/format";

/** Sets a new password with a reset link's token; every session of the account ends. */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const input = await readJson(request, resetPasswordSchema);
  const ip = clientIp(request);
  const hit = await recordHit(keys.resetUseIp(ip), rules.resetUseIp);
  if (hit.count > rules.resetUseIp.limit) {
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${minutesText(hit.retryAfter)}.`, {
      retryAfter: hit.retryAfter,
    });
  }
  const { email } = await resetPassword(input.token, input.password);
  // The owner proved they hold the mailbox: their own earlier typos from this address no longer slow them down.
  await clearSignInPair(email, ip);
  return json({ ok: true });
});
