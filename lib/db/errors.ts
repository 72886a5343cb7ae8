// Recognises "the database is unreachable" and "the database did not answer in time" among the errors pg,
// the Prisma adapter and Prisma throw, so routes can answer 503 (retry later) instead of 500.
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03", // admin shutdown, crash shutdown, cannot connect now
  "53300", // too many connections
  "P1001",
  "P1002",
  "P1017",
]);
// Timeouts: statement_timeout (57014, the server cancelled the query), the client's query_timeout, and a
// connection not granted in time (pg-pool, or Prisma's P2024; P2028 when it was for a transaction).
const timeoutCodes = new Set(["57014", "P2024", "P2028"]);
const timeoutMessage =
  /Query read timeout|Connection terminated due to connection timeout|canceling statement due to statement timeout|timeout exceeded when trying to connect|Timed out fetching a new connection/i;

function matches(error: unknown, test: (e: { code?: unknown; message?: unknown }) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (test(e)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => matches(inner, test, depth + 1))) return true;
  return matches(e.cause, test, depth + 1);
}

/** The database was slow rather than gone: a query or a wait for a connection ran out of time. */
export function isDatabaseTimeout(error: unknown): boolean {
  return matches(
    error,
    (e) =>
      (typeof e.code === "string" && timeoutCodes.has(e.code)) ||
      (typeof e.message === "string" && timeoutMessage.test(e.message)),
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (isDatabaseTimeout(error)) return true;
  return matches(
    error,
    (e) =>
      (typeof e.code === "string" && unavailableCodes.has(e.code)) ||
      (typeof e.message === "string" &&
        /connection terminated|encountered a connection error|server has closed the connection|Can't reach database server|ECONNREFUSED|the database system is (starting up|shutting down)/i.test(
          e.message,
        )),
  );
}

// Two requests wrote the same row at the same moment: a unique or foreign key violation that a check made just
// before could not see, a serialization failure or a deadlock. The request is refused as a conflict (409, try
// again), not as the server's fault. Code paths that can race on purpose avoid these (ON CONFLICT DO NOTHING).
const conflictCodes = new Set(["P2002", "P2003", "P2034", "23505", "23503", "40001", "40P01"]);

export function isConcurrentWriteConflict(error: unknown): boolean {
  return matches(error, (e) => typeof e.code === "string" && conflictCodes.has(e.code));
}

/**
 * A unique index refused the write: Prisma's P2002, or PostgreSQL's 23505 as pg or the driver adapter reports it.
 * Read by shape, not by class: this module is also loaded where the Prisma client is not (instrumentation.ts).
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as {
    code?: unknown;
    meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  };
  return (
    code === "P2002" ||
    code === "23505" ||
    meta?.code === "23505" ||
    meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
