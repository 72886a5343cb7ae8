// Reading the session cookie. next-auth's JWT is encrypted (JWE) with a key derived from AUTH_SECRET by
// HKDF; `getServerSession` derives the key, decrypts, runs the callbacks and re-encrypts a refreshed token
// on every call, which made it the largest single cost of an authenticated request. A token's claims
// never change, so each process decrypts a token once and keeps its claims until the token expires.
// A token names its session (`sid`, a row of the Session table): whether that session is still live is
// decided per request by lib/data/sessions.ts. A token without one (issued before sessions had ids) is no
// session at all.
import { decode } from "next-auth/jwt";
import { sharedCache } from "../cache";
import { isUuid } from "../http/ids";

export type SessionClaims = { sub: string; sid: string; signedInAt: number | null; exp: number };

/** next-auth's cookie name (the `__Secure-` form when the app's URL is https). Chunked cookies are not used: our tokens are small. */
export function sessionCookieName(appUrl: string | undefined): string {
  return appUrl?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

// An invalid token is cached as null too, so replaying garbage costs one decryption per distinct value.
const decoded = sharedCache<SessionClaims | null>("session-claims", { ttlMs: 15 * 60_000, max: 10_000 });

async function decrypt(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const payload = await decode({ token, secret });
    if (!payload || !isUuid(payload.sub) || !isUuid(payload.sid) || typeof payload.exp !== "number") return null;
    return {
      sub: payload.sub.toLowerCase(),
      sid: payload.sid.toLowerCase(),
      signedInAt: typeof payload.signedInAt === "number" ? payload.signedInAt : null,
      exp: payload.exp,
    };
  } catch {
    return null; // tampered, truncated, signed with another secret
  }
}

/** The claims of a valid, unexpired session token, or null. Whether its session was ended is not checked here. */
export async function claimsOf(
  token: string | undefined,
  secret: string,
  now = Date.now(),
): Promise<SessionClaims | null> {
  if (!token || token.length > 4096) return null;
  const claims = await decoded.get(token, () => decrypt(token, secret));
  return claims && claims.exp * 1000 > now ? claims : null;
}

/**
 * The session token in a Cookie header, as next/headers' cookies() would give it: the first cookie of that
 * name, its value URI-decoded (left as sent when that fails).
 */
export function sessionTokenFrom(cookieHeader: string | null, appUrl: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(appUrl);
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** A Set-Cookie value that removes the session cookie (what next-auth sends when it signs out). */
export function clearedSessionCookie(appUrl: string | undefined): string {
  const secure = appUrl?.startsWith("https://") ? "; Secure" : "";
  return `${sessionCookieName(appUrl)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

/** The session token of a request, by the app's cookie name (NEXTAUTH_URL decides the `__Secure-` form). */
export function sessionTokenOf(request: Request): string | undefined {
  return sessionTokenFrom(request.headers.get("cookie"), process.env.NEXTAUTH_URL);
}
