// Recognises "the database is unreachable" among the errors pg, the Prisma adapter and Prisma throw,
// so routes can answer 503 (retry later) instead of 500.
const unavailableCodes = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN",
  "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now
  "53300", // too many connections
  "P1001", "P1002", "P1017", "P2024",
]);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && unavailableCodes.has(e.code)) return true;
  if (typeof e.message === "string" && /connection terminated|timeout exceeded when trying to connect|Can't reach database server|ECONNREFUSED|the database system is (starting up|shutting down)/i.test(e.message)) {
    return true;
  }
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
