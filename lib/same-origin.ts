// The one cross-site test, for cookie-authenticated JSON writes (lib/api.ts) and server actions
// (lib/server/http.ts): a browser names the page that sent a request in Origin; a request without one did
// not come from another site's page (browsers send Origin on every cross-site POST).
export function isCrossSite(origin: string | null | undefined, host: string | null | undefined): boolean {
  if (!origin) return false;
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed frame, a data: URL) or garbage
  }
}
