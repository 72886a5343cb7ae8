// Next calls onRequestError for errors thrown while rendering a page (inside the request's async context,
// which lib/server/http.ts opens). A page that failed because the database was unreachable or too slow is
// marked, so the server answers 503 with Retry-After, like the API, instead of 500. The page itself is the
// friendly app/error.tsx either way. Any failed render is marked too, so the page cache does not keep it.
import { isDatabaseUnavailable } from "./lib/db-errors";
import { requestContext } from "./lib/server/request-context";

/** Called once when the server starts: the markdown render workers start with it (lib/markdown/server.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMarkdownWorkers } = await import("./lib/markdown/server");
  startMarkdownWorkers();
}

export function onRequestError(error: unknown): void {
  const context = requestContext().getStore();
  if (!context) return;
  context.renderFailed = true; // never kept by the page cache (lib/server/page-cache.ts)
  if (isDatabaseUnavailable(error)) context.databaseUnavailable = true;
}
