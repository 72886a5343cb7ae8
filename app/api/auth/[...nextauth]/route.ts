// next-auth's routes (/api/auth/*), served by next-auth's core through its Node API-route handler, with the
// cookies, headers, query and body read from the Request: not next/headers, which only works inside Next's
// request handling (this module runs in lib/server/api-router.ts). next-auth/core, which next-auth's own
// handlers call, is not among the package's exports.
import NextAuth from "next-auth";
import { apiRoute, json, readBodyText, requestId, sessionOf } from "@/lib/http/api";
import { authOptions } from "@/lib/auth/options";
import { endSession } from "@/lib/data/sessions";
import { claimSignInAttempt } from "@/lib/data/sign-in-limits";
import { requireAuthSecret } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/auth/rate-limit-rules";
import { isHttpUrl } from "@/lib/http/redirects";
import { emailSchema } from "@/lib/schemas/auth";
import { claimsOf, clearedSessionCookie, sessionCookieName, sessionTokenOf } from "@/lib/auth/session-token";
import { minutesText } from "@/lib/format/format";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's forms are a token, an email, a password and a return path: a few hundred bytes. */
const AUTH_BODY_BYTES = 16 * 1024;

const NO_SUCH_ENDPOINT =
  "There is no such sign-in endpoint, or it does not take this method. The reference is at /api/openapi.json.";

/**
 * next-auth's `_log` writes what its browser client (next-auth/react) reports into the server's log, at the level
 * the body names. Mockroom's pages do not use that client, so the action is not served: open, it let anyone write
 * error lines of their choosing into the log, as many as they liked.
 */
const NOT_SERVED = new Set(["_log"]);

type Answer = { status: number; headers: Headers; body: string | null };

/**
 * The response object next-auth's API-route handler writes to (status, headers, cookies appended through
 * getHeader/setHeader, then one of end/send/json), collected into a web Response's parts.
 */
function answerWriter(answer: Answer) {
  const writer = {
    status(code: number) {
      answer.status = code;
      return writer;
    },
    getHeader(name: string) {
      return name.toLowerCase() === "set-cookie"
        ? answer.headers.getSetCookie()
        : (answer.headers.get(name) ?? undefined);
    },
    setHeader(name: string, value: string | string[]) {
      answer.headers.delete(name);
      for (const one of Array.isArray(value) ? value : [value]) answer.headers.append(name, one);
      return writer;
    },
    end() {
      return writer;
    },
    json(data: unknown) {
      answer.headers.set("content-type", "application/json");
      answer.body = JSON.stringify(data);
      return writer;
    },
    send(data: unknown) {
      if (data === undefined || data === null) answer.body = null;
      else if (typeof data === "string") answer.body = data;
      else return writer.json(data);
      return writer;
    },
  };
  return writer;
}

/** The request's cookies by name, decoded as Next's cookie parser does (a value that does not decode is kept as sent). */
function cookiesOf(request: Request): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (request.headers.get("cookie") ?? "").split(/;\s*/)) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const raw = pair.slice(at + 1);
    if (name in cookies) continue;
    try {
      cookies[name] = decodeURIComponent(raw);
    } catch {
      cookies[name] = raw;
    }
  }
  return cookies;
}

/**
 * next-auth's own answer, with its plain-text refusals (an action it does not know, a method it does not
 * take) in the API's JSON error shape. `fields` is the body as next-auth reads it (fieldsOf).
 */
async function handle(
  request: Request,
  context: Context,
  fields: Record<string, unknown> | undefined,
): Promise<Response> {
  const answer: Answer = { status: 200, headers: new Headers(), body: null };
  const url = new URL(request.url);
  const req = {
    method: request.method,
    query: { ...Object.fromEntries(url.searchParams), nextauth: (await context.params).nextauth },
    body: fields,
    cookies: cookiesOf(request),
    headers: Object.fromEntries(request.headers),
  };
  // Three arguments, the second without params: next-auth's API-route handler (NextAuthApiHandler).
  await NextAuth(req as never, answerWriter(answer) as never, authOptions());
  const response = new Response(answer.body, { status: answer.status, headers: answer.headers });
  if (response.status < 400 || response.headers.get("content-type")?.includes("application/json")) return response;
  throw new AppError(response.status === 404 ? "NOT_FOUND" : "VALIDATION", NO_SUCH_ENDPOINT);
}

/**
 * next-auth treats a callbackUrl query parameter that is not a URL as a configuration error (500): refuse it
 * as the client's mistake. Values that are URLs go on to the redirect callback, which keeps them on this site.
 */
function checkCallbackParam(request: Request) {
  const callbackUrl = new URL(request.url).searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isHttpUrl(callbackUrl)) {
    throw new AppError("VALIDATION", "Some query parameters are invalid.", {
      fields: { callbackUrl: ["Give a path on this site, like /dashboard."] },
    });
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
 * The body's fields as next-auth reads them (next-auth/next/utils getBody: a JSON object, or a form whose
 * repeated keys keep the last value; nothing for other types), so the email counted is the email whose
 * password is checked, and next-auth is given the same fields. A JSON body that does not parse is refused.
 */
function fieldsOf(request: Request, body: string): Record<string, unknown> | undefined {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new AppError("VALIDATION", "The request body is not valid JSON.");
    }
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : undefined;
  }
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(body));
  return undefined;
}

/**
 * Counts a credentials sign-in attempt before next-auth checks the password (lib/data/sign-in-limits.ts), or
 * refuses it with 429 while this address must wait for this account or for all of them.
 */
async function claimSignIn(request: Request, fields: Record<string, unknown> | undefined) {
  const email = emailSchema.safeParse(fields?.email);
  const retryAfter = await claimSignInAttempt(email.success ? email.data : null, clientIp(request));
  if (retryAfter > 0) {
    logger.info("sign-in throttled", { requestId: requestId(request), retryAfter });
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${minutesText(retryAfter)}.`, {
      retryAfter,
    });
  }
}

/** Whether next-auth's answer removes the session cookie, i.e. it accepted the sign-out (CSRF token and all). */
function clearsSessionCookie(response: Response): boolean {
  const name = sessionCookieName(process.env.NEXTAUTH_URL);
  return response.headers.getSetCookie().some((cookie) => cookie.startsWith(`${name}=;`));
}

/** The request's action (actionOf), refused with 404 before anything is read when this server does not serve it. */
async function servedAction(context: Context): Promise<string> {
  const action = await actionOf(context);
  if (NOT_SERVED.has(action)) throw new AppError("NOT_FOUND", NO_SUCH_ENDPOINT);
  return action;
}

export const GET = apiRoute<Context>(async (request, context) => {
  const action = await servedAction(context);
  checkCallbackParam(request);
  // next-auth would answer for any token it can decrypt: a session that has ended is signed out here.
  if (action === "session" && sessionTokenOf(request) && !(await sessionOf(request))) {
    return json({}, { headers: { "set-cookie": clearedSessionCookie(process.env.NEXTAUTH_URL) } });
  }
  return handle(request, context, undefined);
});

export const POST = apiRoute<Context>(async (request, context) => {
  const action = await servedAction(context);
  checkCallbackParam(request);
  // Read once here, bounded (next-auth would read any size).
  const fields = fieldsOf(request, await readBodyText(request, AUTH_BODY_BYTES));
  if (action === "callback/credentials") await claimSignIn(request, fields);
  const response = await handle(request, context, fields);
  if (action === "signout" && clearsSessionCookie(response)) {
    // The session ends on the server too, so a copy of the cookie is worth nothing. If that fails the error
    // answers instead (503), and the browser keeps a cookie that still works rather than a false "signed out".
    const claims = await claimsOf(sessionTokenOf(request), requireAuthSecret());
    if (claims) await endSession(claims.sid);
  }
  return response;
});
