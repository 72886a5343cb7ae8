import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { apiRoute, json, requestId, sessionOf } from "@/lib/api";
import { authOptions } from "@/lib/auth";
import { endSession } from "@/lib/data/sessions";
import { claimSignInAttempt } from "@/lib/data/sign-in-limits";
import { requireAuthSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/rate-limit-rules";
import { emailSchema } from "@/lib/schemas/auth";
import { claimsOf, clearedSessionCookie, sessionCookieName, sessionTokenFrom } from "@/lib/session-token";

type Context = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, authOptions());
}

const tokenOf = (request: Request) => sessionTokenFrom(request.headers.get("cookie"), process.env.NEXTAUTH_URL);

/**
 * Counts a credentials sign-in attempt before next-auth checks the password (lib/data/sign-in-limits.ts), or
 * refuses it with 429 while this address must wait for this account or for all of them.
 */
async function claimSignIn(request: NextRequest) {
  const form = await request.clone().formData().catch(() => null);
  const email = emailSchema.safeParse(form?.get("email"));
  const retryAfter = await claimSignInAttempt(email.success ? email.data : null, clientIp(request));
  if (retryAfter > 0) {
    logger.info("sign-in throttled", { requestId: requestId(request), retryAfter });
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, { retryAfter });
  }
}

/** Whether next-auth's answer removes the session cookie, i.e. it accepted the sign-out (CSRF token and all). */
function clearsSessionCookie(response: Response): boolean {
  const name = sessionCookieName(process.env.NEXTAUTH_URL);
  return response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${name}=;`));
}

export const GET = apiRoute<Context>(async (request, context) => {
  const nextRequest = request as NextRequest;
  // next-auth would answer for any token it can decrypt: a session that has ended is signed out here.
  if (nextRequest.nextUrl.pathname.endsWith("/session") && tokenOf(request) && !(await sessionOf(request))) {
    return json({}, { headers: { "set-cookie": clearedSessionCookie(process.env.NEXTAUTH_URL) } });
  }
  return handle(nextRequest, context);
});

export const POST = apiRoute<Context>(async (request, context) => {
  const nextRequest = request as NextRequest;
  const path = nextRequest.nextUrl.pathname;
  if (path.endsWith("/callback/credentials")) await claimSignIn(nextRequest);
  const response = await handle(nextRequest, context);
  if (path.endsWith("/signout") && clearsSessionCookie(response)) {
    // The session ends on the server too, so a copy of the cookie is worth nothing. If that fails the error
    // answers instead (503), and the browser keeps a cookie that still works rather than a false "signed out".
    const claims = await claimsOf(tokenOf(request), requireAuthSecret());
    if (claims) await endSession(claims.sid);
  }
  return response;
});
