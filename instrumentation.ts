// Next calls onRequestError for errors thrown while rendering a page (inside the request's async context,
// which lib/server/http.ts opens). A page that failed because the database was unreachable or too slow is
// marked, so the server answers 503 with Retry-After, like the API, instead of 500. The page itself is the
// friendly app/error.tsx either way. Any failed render is marked too, so the page cache does not keep it.
//
// A server action whose body Next could not read (a malformed multipart or form body, or one over the size
// limit) fails there before any of our code runs, and Next answers 500 for it like for a bug: it is marked as
// the client's fault, and the server answers 400 (413 for the size).
import { isDatabaseUnavailable } from "./lib/db/errors";
import { requestContext } from "./lib/server/request-context";

/** Called once when the server starts: the markdown render workers start with it (lib/content/markdown/server.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMarkdownWorkers } = await import("./lib/content/markdown/server");
  startMarkdownWorkers();
}

/** The status for an error that is the request's fault, or null. */
function clientFault(error: unknown): number | null {
  const e = error as { statusCode?: unknown; message?: unknown } | null;
  if (e?.statusCode === 413) return 413;
  const message = typeof e?.message === "string" ? e.message : "";
  if (
    /Failed to parse body as FormData|Unexpected end of (form|multipart data)|Malformed (part header|urlencoded form)|Multipart: Boundary not found|Unsupported content type|Missing boundary/i.test(
      message,
    )
  )
    return 400;
  return null;
}

export function onRequestError(error: unknown): void {
  const context = requestContext().getStore();
  if (!context) return;
  context.renderFailed = true; // never kept by the page cache (lib/server/page-cache.ts)
  if (isDatabaseUnavailable(error)) context.databaseUnavailable = true;
  context.clientFault = clientFault(error) ?? undefined;
}
