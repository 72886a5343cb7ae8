import "server-only";
import { db } from "../db/client";
import { describeError, logger } from "../logger";
import { pruneRateLimits } from "./rate-limits";
import { pruneSessions } from "./sessions";

// Rows that only expire: sessions past their end, reset links past theirs, rate-limit counters long idle.
// Each instance prunes them now and then; the statements are idempotent, so instances need not agree on when.

const EVERY_MS = 60 * 60_000;

export async function pruneExpired(): Promise<{ sessions: number; resets: number; rateLimits: number }> {
  const [sessions, resets, rateLimits] = await Promise.all([
    pruneSessions(),
    db().$executeRaw`delete from "PasswordReset" where "expiresAt" < now()`,
    pruneRateLimits(),
  ]);
  return { sessions, resets, rateLimits };
}

/** Prunes a minute after start, then hourly, without keeping the process alive. */
export function startMaintenance(): () => void {
  const run = () =>
    pruneExpired().then(
      (counts) => logger.debug("pruned expired rows", counts),
      (error) => logger.warn("pruning expired rows failed", { ...describeError(error), stack: undefined }),
    );
  const first = setTimeout(run, 60_000).unref();
  const every = setInterval(run, EVERY_MS).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
