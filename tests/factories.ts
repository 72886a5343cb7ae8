// Test data builders. They go through the same data functions the app uses.
import crypto from "node:crypto";
import { encode } from "next-auth/jwt";
import { startSession } from "@/lib/data/sessions";
import { createUser } from "@/lib/data/users";

export const DEFAULT_PASSWORD = "correct horse battery staple";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${crypto.randomBytes(5).toString("hex")}@example.test`;
}

export async function userFactory(overrides: { email?: string; password?: string; name?: string } = {}) {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const user = await createUser({ email: overrides.email ?? uniqueEmail(), password, name: overrides.name });
  return { ...user, password };
}

/**
 * A session cookie as next-auth issues it at sign-in: an encrypted token naming the user and a session opened
 * for them (lib/data/sessions.ts). `signedInAt` (seconds) defaults to now.
 */
export async function sessionCookieFor(
  userId: string,
  options: { signedInAt?: number } = {},
): Promise<{ cookie: string; sid: string }> {
  const sid = await startSession(userId);
  const token = await encode({
    token: { sub: userId, sid, signedInAt: options.signedInAt ?? Math.floor(Date.now() / 1000) },
    secret: process.env.AUTH_SECRET!,
    maxAge: 3600,
  });
  return { cookie: `next-auth.session-token=${token}`, sid };
}
