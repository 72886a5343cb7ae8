import "server-only";
import type { z } from "zod";
import { sessionIsLive } from "../data/sessions";
import { getUserById, type SessionUser } from "../data/users";
import { isConcurrentWriteConflict, isDatabaseTimeout, isDatabaseUnavailable } from "../db/errors";
import { isCrossSite, requestTarget } from "./same-origin";
import { AppError, errorBody } from "./errors";
import { env, requireAuthSecret } from "../env";
import { isUuid } from "./ids";
import { describeError, logger } from "../logger";
import { claimsOf, sessionTokenOf, type SessionClaims } from "../auth/session-token";
import { parseOrThrow, refuseNul } from "./validation";
import { COUNTER_MAX } from "../schemas/fields";

/** Largest JSON body any route accepts; bigger ones get 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

type Handler<C> = (request: Request, context: C) => Promise<Response>;

export function requestId(request: Request): string {
  return request.headers.get("x-request-id") ?? "unknown";
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", headers.get("cache-control") ?? "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}

/**
 * 301 to `path` on this site (a merged question's kept address), with the request's query string: clients and
 * caches may remember it, as the move is for good.
 */
export function movedPermanently(request: Request, path: string): Response {
  const location = path + new URL(request.url).search;
  return json({ movedTo: location }, { status: 301, headers: { location, "cache-control": "public, max-age=3600" } });
}

/** Maps any thrown value to the documented JSON error shape. Unexpected errors are logged once. */
export function errorResponse(error: unknown, request: Request): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfter)));
    return json(errorBody(error), { status: error.status, headers });
  }
  const id = requestId(request);
  if (isDatabaseUnavailable(error)) {
    logger.warn("database unavailable", { requestId: id, ...describeError(error), stack: undefined });
    const message = isDatabaseTimeout(error)
      ? "The database is taking too long to answer. Please try again in a moment."
      : "The database is unavailable. Please try again in a moment.";
    return json(errorBody(new AppError("UNAVAILABLE", message)), {
      status: 503,
      headers: { "retry-after": "5" },
    });
  }
  if (isConcurrentWriteConflict(error)) {
    logger.warn("concurrent write conflict", {
      requestId: id,
      path: new URL(request.url).pathname,
      ...describeError(error),
      stack: undefined,
    });
    return json(
      errorBody(
        new AppError("CONFLICT", "This collided with another change made at the same moment. Please try again."),
      ),
      { status: 409 },
    );
  }
  logger.error("unhandled error", { requestId: id, path: new URL(request.url).pathname, ...describeError(error) });
  return json(errorBody(new AppError("INTERNAL", `Something went wrong on our side (request ${id}).`)), {
    status: 500,
  });
}

/** Wraps a route handler so every failure answers JSON with the right status, never a bare 500 page. */
export function apiRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** The body as text, refused with 413 past `maxBytes` (declared or read) without reading further. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}

/** The body's bytes, refused with 413 past `maxBytes` (declared or read) without reading further. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A client that leaves in the middle of its body: its fault, and nothing of the half body is used.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("VALIDATION", "The request body ended before it was complete.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/** 415 unless the request says its body is JSON. */
export function assertJsonBody(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  }
}

/** Reads a JSON body (size-limited), then validates it; 413, 415 or 400 with field messages otherwise. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<T>> {
  assertJsonBody(request);
  const text = await readBodyText(request, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.");
  }
  refuseNul(data);
  return parseOrThrow(schema, data);
}

/** Validates URL search parameters (each key once; repeated keys become arrays). */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  refuseNul(record, "Some query parameters are invalid.");
  return parseOrThrow(schema, record, "Some query parameters are invalid.");
}

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send Origin on cross-site
 * requests; a mismatch with where the request was sent (lib/http/same-origin.ts) is refused (JSON bodies
 * already force a CORS preflight).
 */
export function assertSameOrigin(request: Request): void {
  const target = requestTarget((name) => request.headers.get(name), env().TRUST_PROXY);
  if (isCrossSite(request.headers.get("origin"), target))
    throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.");
}

/**
 * The claims of the request's session cookie (lib/auth/session-token.ts), or null when it has no valid one or its
 * session has ended (lib/data/sessions.ts).
 */
export async function sessionOf(request: Request): Promise<SessionClaims | null> {
  const claims = await claimsOf(sessionTokenOf(request), requireAuthSecret());
  return claims && (await sessionIsLive(claims)) ? claims : null;
}

/**
 * For the hottest route handlers, whose own query checks ownership by user id (the autosave, starting and
 * reading an interview, flagging an answer): the signed-in user's id from the request's live session,
 * without reading the user row. A deleted account's sessions end with it (401); on another instance, within
 * the session check's few seconds, its leftover token finds none of its rows (404). It reads the request,
 * not next/headers, as every route handler runs outside Next (lib/server/api-router.ts). Routes that need
 * the role, act on the account itself, or create rows that reference the user use requireApiUser.
 */
export async function requireApiUserId(request: Request): Promise<string> {
  const id = await signedInUserId(request);
  if (!id) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
  return id;
}

/** For public routes whose answer depends on who asks: the signed-in user's id, or null for a visitor. */
export async function signedInUserId(request: Request): Promise<string | null> {
  const id = (await sessionOf(request))?.sub;
  return id && isUuid(id) ? id : null;
}

/**
 * For route handlers: the signed-in user, or 401. The session cookie only names the user; role and
 * existence come from the database, so a deleted account's leftover session or a changed role counts at once.
 */
export async function requireApiUser(request: Request): Promise<SessionUser> {
  const user = await getUserById(await requireApiUserId(request));
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
  return user;
}

/**
 * For admin routes: the signed-in admin; 401 for visitors, and 404 for everyone else signed in (an admin route
 * is not there for them, as an admin page is not: lib/auth/session.ts requireAdmin).
 */
export async function requireApiAdmin(request: Request): Promise<SessionUser> {
  const user = await requireApiUser(request);
  if (user.role !== "ADMIN") throw new AppError("NOT_FOUND", "Not found.");
  return user;
}

/** For routes that act on the session itself (changing the password, ending sessions): the user and the session's claims. */
export async function requireApiSession(request: Request): Promise<{ user: SessionUser; session: SessionClaims }> {
  const session = await sessionOf(request);
  const user = session ? await getUserById(session.sub) : null;
  if (!session || !user) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
  return { user, session };
}

/** Route ids are UUIDs; anything else cannot name a row, so it is simply not found. */
export function uuidOr404(value: string, what = "interview"): string {
  if (!isUuid(value)) throw new AppError("NOT_FOUND", `No such ${what}.`);
  return value.toLowerCase();
}

/** A revision's number in a route ("3"): anything else, or past the counters' range, names no revision. */
export function revisionNumberOr404(value: string): number {
  const n = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
  if (!(n <= COUNTER_MAX)) throw new AppError("NOT_FOUND", "No such revision.");
  return n;
}

/** Question slugs in routes: anything that is not a slug cannot name a question. */
export function slugOr404(value: string, what = "question"): string {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 120)
    throw new AppError("NOT_FOUND", `No such ${what}.`);
  return value;
}
