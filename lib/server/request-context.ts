// Per-request context across awaits (AsyncLocalStorage). Kept on globalThis: the HTTP server (loaded by
// tsx) and the route code (bundled by Next) are different module instances in one process.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = {
  queries: number;
  /** Set when rendering failed because the database was unreachable or too slow (see instrumentation.ts). */
  databaseUnavailable?: boolean;
  /** Set when rendering a page reported any error, even after its 200 was sent (see instrumentation.ts). */
  renderFailed?: boolean;
  /** Set when a page request failed on its own body (malformed, too large): the status to answer instead of 500. */
  clientFault?: number;
};

const holder = globalThis as unknown as { mockroomRequestContext?: AsyncLocalStorage<RequestContext> };

export function requestContext(): AsyncLocalStorage<RequestContext> {
  holder.mockroomRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return holder.mockroomRequestContext;
}

/** Counts one database query against the request being served, if any. */
export function countQuery(): void {
  const store = requestContext().getStore();
  if (store) store.queries++;
}

/** MOCKROOM_COUNT_QUERIES=1 (the benchmark sets it): count queries per request. Off in normal use. */
export const countingQueries = () => process.env.MOCKROOM_COUNT_QUERIES === "1";

/** Set by the HTTP server (a client-sent value is dropped) on a page request whose path could not be decoded. */
export const BAD_PATH_HEADER = "x-mockroom-invalid-address";
