// The one cross-site test, for cookie-authenticated JSON writes (lib/http/api.ts) and server actions
// (lib/server/http.ts): a browser names the page that sent a request in Origin; a request without one did
// not come from another site's page (browsers send Origin on every cross-site POST).
//
// The origin the request was sent to is its Host header. X-Forwarded-Host and X-Forwarded-Proto say what the
// browser saw in front of a reverse proxy, but any client can send them: they count only with TRUST_PROXY=1.
// The scheme counts only when a trusted proxy says the request came over https: then a page served over plain
// http (which anyone on the network could have written) may not write. The other way round is no attack (no one
// else can serve https pages for this host) and happens when TLS ends at an outer proxy, so it is allowed.

export type RequestTarget = { host: string | null; scheme: "http" | "https" | null };

type HeaderValue = string | string[] | null | undefined;

const first = (value: HeaderValue) => {
  const text = Array.isArray(value) ? value[0] : value;
  const head = text?.split(",")[0]?.trim().toLowerCase();
  return head ? head : null;
};

/** Where the request was sent, from its headers (`header` reads one by lower-case name). */
export function requestTarget(header: (name: string) => HeaderValue, trustProxy: boolean): RequestTarget {
  const host = first(header("host"));
  if (!trustProxy) return { host, scheme: null };
  const proto = first(header("x-forwarded-proto"));
  return {
    host: first(header("x-forwarded-host")) ?? host,
    scheme: proto === "http" || proto === "https" ? proto : null,
  };
}

export function isCrossSite(origin: string | null | undefined, target: RequestTarget): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    if (!target.host || url.host !== new URL(`http://${target.host}`).host) return true;
    return target.scheme === "https" && url.protocol !== "https:";
  } catch {
    return true; // "null" (a sandboxed frame, a data: URL) or garbage
  }
}
