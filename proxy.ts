import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/security-headers";

/**
 * Runs before every page: a fresh CSP nonce (read by app/layout.tsx through the x-nonce request
 * header), the security headers, and the requested path for sign-in return URLs. API routes skip it: the
 * HTTP server (lib/server/http.ts) gives them their fixed headers, as running this for every JSON call
 * took about a third of an autosave's time.
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
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  for (const [name, value] of Object.entries(securityHeaders({ https: https && process.env.NODE_ENV === "production" }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // /python/* (the Python runner's files) sets its own, stricter policy for the worker: see that route.
  // /api/* and /python/* get their headers from lib/server/http.ts.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|python/).*)" }],
};
