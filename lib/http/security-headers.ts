// Headers every answer carries, set in one place (lib/server/http.ts), a page's with a nonce of its own. Scripts need a per-request nonce:
// Next streams inline scripts for hydration, and 'unsafe-inline'/'unsafe-eval' would defeat the policy.
// Styles allow 'unsafe-inline' because React style attributes cannot carry a nonce; CSS cannot run code.

/** A fresh CSP nonce: 128 random bits, base64 (lib/server/http.ts for each rendered page, the page cache for each copy it serves). */
export function newNonce(): string {
  return btoa(crypto.randomUUID());
}

export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com https://accounts.google.com",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
  ];
  return directives.join("; ");
}

/**
 * The pages that may use the microphone (spoken answers, issue #25): the interview room, its review (answering the
 * AI's follow-up questions aloud) and a question's page (practice). Every other answer denies it, so no other
 * page, script or frame can ask for it.
 */
const MICROPHONE_PAGES = /^\/(interviews\/[0-9a-f-]{36}(\/review)?|questions\/[a-z0-9][a-z0-9-]*)\/?(\?|$)/i;

export function microphoneAllowed(path: string): boolean {
  return MICROPHONE_PAGES.test(path);
}

export function securityHeaders(options: { https: boolean; microphone?: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": `camera=(), microphone=(${options.microphone ? "self" : ""}), geolocation=(), payment=(), usb=(), interest-cohort=()`,
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * API responses are data, never documents: nothing in them may load or run, and no one may frame them. Next's
 * built files and images get it too (lib/server/http.ts); a page gets its nonce policy instead.
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function strictSecurityHeaders(options: { https: boolean; microphone?: boolean }): Record<string, string> {
  return { ...securityHeaders(options), "content-security-policy": API_CONTENT_SECURITY_POLICY };
}
