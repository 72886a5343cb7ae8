import "server-only";
import { env } from "./env";

/** External sign-in providers whose client id and secret are configured. */
export function configuredOAuthProviders(): string[] {
  const e = env();
  return [
    e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET ? "github" : null,
    e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET ? "google" : null,
  ].filter((p): p is string => p !== null);
}
