import "server-only";
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";
import { db } from "../db/client";
import type { SessionClaims } from "../auth/session-token";

// Sessions that really end. The cookie is next-auth's encrypted JWT, valid by itself until it expires; it also
// names a row of the Session table, and a request counts as signed in only while that row exists. Signing out
// deletes the row; signing out everywhere, changing or resetting the password and deleting the account delete
// all of the user's rows (docs/decisions/0008-sessions.md).
//
// Every signed-in request asks whether its session is live, the autosave included, so each process remembers
// the answer for SESSION_CHECK_TTL_MS: at most one indexed query per session per few seconds. The instance
// that ends a session forgets it at once; the others stop accepting it within that time.

/** How long a process trusts that a session it found live is still live (also in README and docs/decisions). */
export const SESSION_CHECK_TTL_MS = 5_000;
/** Sessions end this long after sign-in at the latest, whatever happens to the cookie's own expiry. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** An ended session never comes back, so that answer can be kept longer. */
const ENDED_TTL_MS = 15 * 60_000;
const ENDED = "";

/**
 * What this process knows: session id -> its user's id while live, ENDED once it is not; and `endings`, bumped
 * by every ending here once its rows are gone, so a lookup that started before is not remembered. One per
 * process, on globalThis: the server runs this module in several copies (its own bundle for the routes it
 * serves directly, Next's bundles for pages and for route handlers), and an ending seen by one copy must count
 * for all of them at once.
 */
type Memory = { known: LRUCache<string, string>; endings: number };
const holder = globalThis as unknown as { mockroomSessions?: Memory };
const memory: Memory = (holder.mockroomSessions ??= {
  known: new LRUCache<string, string>({ max: 50_000, ttl: SESSION_CHECK_TTL_MS }),
  endings: 0,
});
const known = memory.known;

/** Opens a session for a user who just signed in; its id goes into the session token. */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const id = crypto.randomUUID();
  await db().session.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  known.set(id, userId);
  return id;
}

/** Whether the token's session is still open, and the user's. Database errors propagate (503), never "signed out". */
export async function sessionIsLive(claims: Pick<SessionClaims, "sub" | "sid">): Promise<boolean> {
  const cached = known.get(claims.sid);
  if (cached !== undefined) return cached === claims.sub;
  const seen = memory.endings;
  const rows = await db().$queryRaw<{ userId: string }[]>`
    select "userId" from "Session" where id = ${claims.sid}::uuid and "expiresAt" > now()`;
  const owner = rows[0]?.userId ?? ENDED;
  if (seen === memory.endings) known.set(claims.sid, owner, owner === ENDED ? { ttl: ENDED_TTL_MS } : {});
  return owner === claims.sub;
}

function forget(userId: string, except?: string): void {
  memory.endings++;
  for (const [sid, owner] of known.entries()) {
    if (owner === userId && sid !== except) known.set(sid, ENDED, { ttl: ENDED_TTL_MS });
  }
}

/** Ends one session (signing out). */
export async function endSession(sid: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sid } });
  memory.endings++;
  known.set(sid, ENDED, { ttl: ENDED_TTL_MS });
}

/** Ends every session of the user, or every one but `except` (the one asking); returns how many were open. */
export async function endUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await db().session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  forget(userId, options.except);
  return count;
}

/** After the user's rows went in a transaction of their own (account deletion, password reset): forget them here too. */
export function forgetUserSessions(userId: string, except?: string): void {
  forget(userId, except);
}

/** Deletes sessions past their end; run now and then (lib/data/maintenance.ts). */
export async function pruneSessions(): Promise<number> {
  return db().$executeRaw`delete from "Session" where "expiresAt" < now()`;
}
