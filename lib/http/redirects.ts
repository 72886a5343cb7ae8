// The one function that decides where a user goes after signing in (the sign-in page, next-auth's redirect
// callback). It returns a path on this site or the fallback, never anything a browser could read as
// another origin.

const BASE = "http://mockroom.invalid";

/**
 * A path on this site: one slash, then not a slash or backslash (browsers read "//host" and "/\host" as
 * another origin), and no control characters or spaces (browsers drop tabs and newlines before parsing).
 */
function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u0020\u007f\\]/.test(path);
}

/**
 * A same-origin path to return to after sign-in, normalised (dot segments resolved); anything else
 * (absolute or protocol-relative URLs, backslashes, control characters, dot segments or encodings that
 * resolve to "//host") becomes `fallback`. The check runs on the input and again on the normalised result,
 * so no decoding step can turn an accepted value into another origin.
 */
export function safeCallbackPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || value.length > 2000 || !isLocalPath(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  return isLocalPath(path) ? path : fallback;
}

/**
 * next-auth's redirect callback: a path (or an absolute URL on the app's own origin) becomes that origin
 * plus the vetted path; anything else, the app's start page. It never throws, whatever the cookie or form
 * held (next-auth's default callback threw on a value that is not a URL).
 */
export function safeRedirectUrl(url: string, baseUrl: string, fallback = "/dashboard"): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return "/";
  }
  let path: unknown = url;
  if (typeof url === "string" && !url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      path = absolute.origin === origin ? absolute.pathname + absolute.search + absolute.hash : null;
    } catch {
      path = null;
    }
  }
  return origin + safeCallbackPath(path, fallback);
}

/** next-auth's own test of a callback URL: http(s), absolute or a path (it answers 500 for a value that fails it). */
export function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? BASE : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * The Cookie header without a next-auth callback-url cookie that next-auth would reject (it treated one as a
 * configuration error: 500 on every auth route for that browser). Next-auth sets a fresh one when needed;
 * where the user goes is decided by safeRedirectUrl either way.
 */
export function withoutInvalidCallbackCookie(cookieHeader: string): string {
  if (!cookieHeader.includes("callback-url")) return cookieHeader;
  return cookieHeader
    .split(";")
    .filter((part) => {
      const eq = part.indexOf("=");
      if (eq < 0 || !part.slice(0, eq).trim().endsWith("next-auth.callback-url")) return true;
      const raw = part.slice(eq + 1).trim();
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        return false;
      }
      return isHttpUrl(value);
    })
    .join(";");
}
