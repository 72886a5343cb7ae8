import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { apiRoute, readBodyText } from "@/lib/api";
import { authOptions } from "@/lib/auth";
import { blockedFor } from "@/lib/data/rate-limits";
import { AppError } from "@/lib/errors";
import { clientIp, keys, rules } from "@/lib/rate-limit-rules";
import { isHttpUrl } from "@/lib/redirects";
import { emailSchema } from "@/lib/schemas/auth";

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

/** Refuses a credentials sign-in with 429 while the email or the address has too many recent failures. */
async function enforceSignInLimits(request: NextRequest, body: string) {
  const form = request.headers.get("content-type")?.includes("application/x-www-form-urlencoded") ? new URLSearchParams(body) : null;
  const email = emailSchema.safeParse(form?.get("email"));
  const [byIp, byEmail] = await Promise.all([
    blockedFor(keys.signInIp(clientIp(request)), rules.signInIp),
    email.success ? blockedFor(keys.signInEmail(email.data), rules.signInEmail) : 0,
  ]);
  const retryAfter = Math.max(byIp, byEmail);
  if (retryAfter > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, { retryAfter });
  }
}

export const GET = apiRoute<Context>((request, context) => {
  checkCallbackParam(request as NextRequest);
  return handle(request as NextRequest, context);
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
  if (nextRequest.nextUrl.pathname.endsWith("/callback/credentials")) await enforceSignInLimits(nextRequest, body);
  return handle(nextRequest, context);
});
