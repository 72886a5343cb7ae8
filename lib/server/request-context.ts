// Per-request context across awaits (AsyncLocalStorage). Kept on globalThis: the HTTP server (loaded by
// tsx) and the route code (bundled by Next) are different module instances in one process.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = {
  /** Set when rendering failed because the database was unreachable or too slow (see instrumentation.ts). */
  databaseUnavailable?: boolean;
  /** Set when rendering a page reported any error, even after its 200 was sent (see instrumentation.ts). */
  renderFailed?: boolean;
  /** Set when a page request failed on its own body (malformed, too large): the status to answer instead of 500. */
  clientFault?: number;
  /** Set by a page that moved for good (a merged question): Next's permanent redirect (308) is answered as 301. */
  movedPermanently?: boolean;
};

const holder = globalThis as unknown as { mockroomRequestContext?: AsyncLocalStorage<RequestContext> };

export function requestContext(): AsyncLocalStorage<RequestContext> {
  holder.mockroomRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return holder.mockroomRequestContext;
}

/** Set by the HTTP server (a client-sent value is dropped) on a page request whose path could not be decoded. */
export const BAD_PATH_HEADER = "x-mockroom-invalid-address";

/** Set by the HTTP server on a page request (a client-sent value is dropped): its path and query, for return URLs. */
export const PATH_HEADER = "x-mockroom-path";
