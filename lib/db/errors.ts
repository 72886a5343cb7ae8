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
  // Insufficient resources: generic, disk full, out of memory (also "out of shared memory" when the server's lock
  // table is full), too many connections, a configured limit exceeded. The server's state, not the request's.
  "53000",
  "53100",
  "53200",
  "53300",
  "53400",
  "P1001",
  "P1002",
  "P1017",
]);
// Timeouts: statement_timeout (57014, the server cancelled the query), the client's query_timeout, and a
// connection not granted in time (pg-pool, or Prisma's P2024; P2028 when it was for a transaction).
const timeoutCodes = new Set(["57014", "P2024", "P2028"]);
const timeoutMessage =
  /Query read timeout|Connection terminated due to connection timeout|canceling statement due to statement timeout|timeout exceeded when trying to connect|Timed out fetching a new connection/i;

// Prisma reports an error of a raw statement (`$queryRaw`, `$executeRaw`) as P2010 and keeps PostgreSQL's own
// code in `meta.driverAdapterError.cause` (the pg adapter's `originalCode`, or a `kind` for socket errors and a few
// codes), or in `meta.code`: a deadlock in a raw statement is P2010 on top. The classifiers below read those too.
const adapterKinds: Record<string, string> = {
  DatabaseNotReachable: "ECONNREFUSED",
  ConnectionClosed: "ECONNRESET",
  SocketTimeout: "ETIMEDOUT",
  TooManyConnections: "53300",
  TransactionWriteConflict: "40001",
  UniqueConstraintViolation: "23505",
  ForeignKeyConstraintViolation: "23503",
};

type Shape = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown; meta?: unknown };

/** What an error says of itself and, for Prisma's errors, what the driver adapter said underneath. */
function views(e: Shape): { code?: unknown; message?: unknown }[] {
  const found: { code?: unknown; message?: unknown }[] = [e];
  const meta = typeof e.meta === "object" && e.meta !== null ? (e.meta as Record<string, unknown>) : null;
  if (!meta) return found;
  if (typeof meta.code === "string") found.push({ code: meta.code, message: meta.message });
  const adapter = meta.driverAdapterError as { cause?: Record<string, unknown> } | undefined;
  const cause = typeof adapter === "object" && adapter !== null ? adapter.cause : undefined;
  if (typeof cause === "object" && cause !== null) {
    found.push({ code: cause.originalCode ?? cause.code, message: cause.originalMessage ?? cause.message });
    if (typeof cause.kind === "string" && adapterKinds[cause.kind]) found.push({ code: adapterKinds[cause.kind] });
  }
  return found;
}

function matches(error: unknown, test: (e: { code?: unknown; message?: unknown }) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as Shape;
  if (views(e).some(test)) return true;
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
  return matches(error, (e) => e.code === "P2002" || e.code === "23505");
}
