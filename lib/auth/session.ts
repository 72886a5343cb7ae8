import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { sessionIsLive } from "../data/sessions";
import { getUserById, type SessionUser } from "../data/users";
import { requireAuthSecret } from "../env";
import { PATH_HEADER } from "../server/request-context";
import { claimsOf, sessionCookieName, type SessionClaims } from "./session-token";

/** The current request's session claims (see lib/auth/session-token.ts) while its session is live, read once per request. */
const currentClaims = cache(async (): Promise<SessionClaims | null> => {
  const token = (await cookies()).get(sessionCookieName(process.env.NEXTAUTH_URL))?.value;
  const claims = await claimsOf(token, requireAuthSecret());
  return claims && (await sessionIsLive(claims)) ? claims : null;
});

/**
 * The signed-in user, read once per request. The session cookie only names the user; role and
 * existence come from the database, so a removed user or a changed role takes effect at once.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const id = (await currentClaims())?.sub;
  return id ? getUserById(id) : null;
});

/** Path and query of the page being rendered (set by the HTTP server, lib/server/http.ts), for return URLs. */
async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? "/";
}

/** For pages: the user, or a redirect to sign-in that returns here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return user;
}

/** For pages: an admin, a redirect to sign-in, or "not found" for signed-in non-admins. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") {
    notFound();
  }
  return user;
}
