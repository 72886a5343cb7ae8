import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/security-headers";

/**
 * Runs before every page: a fresh CSP nonce (read by app/layout.tsx through the x-nonce request header) and
 * the page's policy with it, and the requested path for sign-in return URLs. Every other security header, and
 * the strict policy of everything that is not a page, is set by the HTTP server (lib/server/http.ts) on every
 * answer; this only replaces the policy of a page with its nonce policy. API routes skip it: nothing in them
 * needs a nonce.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-mockroom-path", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // /python/* and /sql/* (the code runners' files) set their own, stricter policy for the workers: see
  // lib/coding/serve-file.ts. /api/* keeps the policy lib/server/http.ts gives it.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|python/|sql/).*)" }],
};
