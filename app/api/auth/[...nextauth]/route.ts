import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { apiRoute, json, readBodyText, requestId, sessionOf } from "@/lib/api";
import { authOptions } from "@/lib/auth";
import { endSession } from "@/lib/data/sessions";
import { claimSignInAttempt } from "@/lib/data/sign-in-limits";
import { requireAuthSecret } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/rate-limit-rules";
import { isHttpUrl } from "@/lib/redirects";
import { emailSchema } from "@/lib/schemas/auth";
import { claimsOf, clearedSessionCookie, sessionCookieName, sessionTokenOf } from "@/lib/session-token";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's forms are a token, an email, a password and a return path: a few hundred bytes. */
const AUTH_BODY_BYTES = 16 * 1024;

/**
 * next-auth's own answers, with its plain-text refusals (an action it does not know, a method it does not
 * take) in the API's JSON error shape.
 */
async function handle(request: NextRequest, context: Context): Promise<Response> {
  const response = (await NextAuth(request, context, authOptions())) as Response;
  if (response.status < 400 || response.headers.get("content-type")?.includes("application/json")) return response;
  const code = response.status === 404 ? "NOT_FOUND" : "VALIDATION";
  throw new AppError(code, "There is no such sign-in endpoint, or it does not take this method. The reference is at /api/openapi.json.");
}

/**
 * next-auth treats a callbackUrl query parameter that is not a URL as a configuration error (500): refuse it
 * as the client's mistake. Values that are URLs go on to the redirect callback, which keeps them on this site.
 */
function checkCallbackParam(request: NextRequest) {
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isHttpUrl(callbackUrl)) {
    throw new AppError("VALIDATION", "Some query parameters are invalid.", { fields: { callbackUrl: ["Give a path on this site, like /dashboard."] } });
  }
}

/**
 * The action as next-auth reads it: the first two decoded path segments ("callback", "credentials"), whatever
 * follows them and however the path was escaped.
 */
async function actionOf(context: Context): Promise<string> {
  const [action = "", provider = ""] = (await context.params).nextauth ?? [];
  return action === "callback" || action === "signin" ? `${action}/${provider}` : action;
}

/**
 * The body's fields exactly as next-auth reads them (next-auth/next/utils getBody: a JSON object, or a form
 * whose repeated keys keep the last value), so the email counted is the email whose password is checked.
 */
function fieldsOf(request: Request, body: string): Record<string, unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    const parsed = JSON.parse(body) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  }
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  return {};
}

/**
 * Counts a credentials sign-in attempt before next-auth checks the password (lib/data/sign-in-limits.ts), or
 * refuses it with 429 while this address must wait for this account or for all of them.
 */
async function claimSignIn(request: NextRequest, body: string) {
  const email = emailSchema.safeParse(fieldsOf(request, body).email);
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
  checkCallbackParam(nextRequest);
  // next-auth would answer for any token it can decrypt: a session that has ended is signed out here.
  if ((await actionOf(context)) === "session" && sessionTokenOf(request) && !(await sessionOf(request))) {
    return json({}, { headers: { "set-cookie": clearedSessionCookie(process.env.NEXTAUTH_URL) } });
  }
  return handle(nextRequest, context);
});

export const POST = apiRoute<Context>(async (request, context) => {
  const nextRequest = request as NextRequest;
  checkCallbackParam(nextRequest);
  // Read once here, bounded (next-auth would read any size); next-auth reads its own copy.
  const body = await readBodyText(request.clone(), AUTH_BODY_BYTES);
  // next-auth parses a JSON body itself and fails with a 500 on one that is not JSON.
  if (request.headers.get("content-type")?.includes("application/json")) {
    try {
      JSON.parse(body);
    } catch {
      throw new AppError("VALIDATION", "The request body is not valid JSON.");
    }
  }
  const action = await actionOf(context);
  if (action === "callback/credentials") await claimSignIn(nextRequest, body);
  const response = await handle(nextRequest, context);
  if (action === "signout" && clearsSessionCookie(response)) {
    // The session ends on the server too, so a copy of the cookie is worth nothing. If that fails the error
    // answers instead (503), and the browser keeps a cookie that still works rather than a false "signed out".
    const claims = await claimsOf(sessionTokenOf(request), requireAuthSecret());
    if (claims) await endSession(claims.sid);
  }
  return response;
});
