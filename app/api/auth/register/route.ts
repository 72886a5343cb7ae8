import { apiRoute, assertSameOrigin, json, readJson } from "@/lib/http/api";
import { blockedFor, recordHit } from "@/lib/data/rate-limits";
import { createUser } from "@/lib/data/users";
import { AppError } from "@/lib/http/errors";
import { clientIp, keys, rules } from "@/lib/auth/rate-limit-rules";
import { registerSchema } from "@/lib/schemas/auth";

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const input = await readJson(request, registerSchema);
  const ipKey = keys.registerIp(clientIp(request));
  const emailKey = keys.registerEmail(input.email);
  const retryAfter = Math.max(
    await blockedFor(ipKey, rules.registerIp),
    await blockedFor(emailKey, rules.registerEmail),
  );
  if (retryAfter > 0) {
    throw new AppError("RATE_LIMITED", "Too many sign-up attempts. Please wait before trying again.", { retryAfter });
  }
  await Promise.all([recordHit(ipKey, rules.registerIp), recordHit(emailKey, rules.registerEmail)]);
  const user = await createUser(input);
  return json({ id: user.id, email: user.email }, { status: 201 });
});
