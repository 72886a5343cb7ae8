import { apiRoute, assertSameOrigin, json, readJson, requireApiSession } from "@/lib/http/api";
import { changePassword } from "@/lib/data/passwords";
import { clearHits, recordHit } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/http/errors";
import { keys, rules } from "@/lib/auth/rate-limit-rules";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { minutesText } from "@/lib/format/format";

/** Changes the password (the current one is required); every other session of the account ends. */
export const PUT = apiRoute(async (request) => {
  assertSameOrigin(request);
  const { user, session } = await requireApiSession(request);
  const input = await readJson(request, changePasswordSchema);
  // Every attempt counts until one succeeds, so a stolen session cannot guess the current password quickly.
  const key = keys.passwordChange(user.id);
  const hit = await recordHit(key, rules.passwordChange);
  if (hit.count > rules.passwordChange.limit) {
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${minutesText(hit.retryAfter)}.`, {
      retryAfter: hit.retryAfter,
    });
  }
  await changePassword(user.id, session.sid, input.currentPassword, input.newPassword);
  await clearHits(key);
  return json({ ok: true });
});
