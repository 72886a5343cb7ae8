// Test data builders. They go through the same data functions the app uses.
import crypto from "node:crypto";
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
