import "server-only";
import { env } from "../env";

/** External sign-in providers whose client id and secret are configured. */
export function configuredOAuthProviders(): string[] {
  const e = env();
  return [
    e.GITHUB_CLIENT_ID && e.GITHUB_CLIENT_SECRET ? "github" : null,
    e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET ? "google" : null,
  ].filter((p): p is string => p !== null);
}

type GitHubEmail = { email: string; primary?: boolean; verified?: boolean };

/**
 * The email a GitHub identity signs in with (its public one, else its primary one, as next-auth chooses) and
 * whether GitHub verified it, from the user's email list. Without that list nothing counts as verified.
 */
export function gitHubEmail(
  publicEmail: string | null | undefined,
  emails: unknown,
): { email: string | null; email_verified: boolean } {
  const list = Array.isArray(emails) ? (emails as GitHubEmail[]).filter((e) => e && typeof e.email === "string") : [];
  const email = publicEmail || (list.find((e) => e.primary) ?? list[0])?.email || null;
  const entry = email ? list.find((e) => e.email.toLowerCase() === email.toLowerCase()) : undefined;
  return { email, email_verified: entry?.verified === true };
}

/** Whether the provider vouches that the identity owns the email it signed in with. */
export function providerVerifiedEmail(provider: string, profile: unknown): boolean {
  const claims = (profile ?? {}) as { email_verified?: unknown };
  return (provider === "google" || provider === "github") && claims.email_verified === true;
}
