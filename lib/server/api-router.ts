// The one router of /api: every app/api/**/route.ts (lib/server/api-routes.ts), served by its own route
// handlers without Next's request pipeline, in development and production alike. Next spent 1.1-1.5 ms of
// this server's one thread on every API request before a route handler ran (routing, its request and
// response wrappers, tracing, async contexts; decision 0017); the route modules stay where Next's notation
// puts them, and keep its conventions: static segments win over dynamic ones, catch-alls come last, HEAD is
// served by GET, OPTIONS answers 204 with Allow, a method the module does not export is a 405, a method HTTP
// does not define a 400 (both made JSON by lib/server/error-answers.ts, as before).
//
// The handlers must not use Next's request-scoped APIs (next/headers, next/navigation, next/cache): they read
// the session from the request (lib/http/api.ts), and the server bundle refuses to build if one of the app's
// modules imports them (lib/cli/serve.ts).
import type http from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { errorResponse, MAX_BODY_BYTES } from "../http/api";
import { AppError } from "../http/errors";

export type Params = Record<string, string | string[]>;
export type RouteHandler = (request: Request, context: { params: Promise<Params> }) => Response | Promise<Response>;
/** A route module as `import * as` gives it: its HTTP methods, and whatever else it exports (ignored). */
export type RouteModule = Readonly<Record<string, unknown>>;
export type ApiRoute = {
  /** The folder's path in Next's notation: "/api/interviews/[id]", "/api/auth/[...nextauth]". */
  path: string;
  module: RouteModule;
  /** The handler reads the body as a stream itself (bounded by its own limit); the router does not buffer it. */
  streamBody?: boolean;
};

/** The methods Next's route modules may export (and HTTP methods it knows; any other is a 400). */
export const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"] as const;

type Segment = { kind: 0; value: string } | { kind: 1; name: string } | { kind: 2; name: string };
type Compiled = { route: ApiRoute; segments: Segment[]; handlers: Map<string, RouteHandler>; allow: string };

export type RouteMatch =
  | { kind: "handler"; route: ApiRoute; handler: RouteHandler; params: Params }
  | { kind: "options"; allow: string }
  | { kind: "status"; status: 400 | 405 };

function compile(route: ApiRoute): Compiled {
  const segments = route.path
    .split("/")
    .slice(1)
    .map((part): Segment => {
      if (part.startsWith("[...") && part.endsWith("]")) return { kind: 2, name: part.slice(4, -1) };
      if (part.startsWith("[") && part.endsWith("]")) return { kind: 1, name: part.slice(1, -1) };
      return { kind: 0, value: part };
    });
  const handlers = new Map<string, RouteHandler>();
  for (const method of HTTP_METHODS) {
    const handler = route.module[method];
    if (typeof handler === "function") handlers.set(method, handler as RouteHandler);
  }
  // As Next: HEAD by GET when the module has no HEAD; OPTIONS lists what is served.
  const allow = new Set(["OPTIONS", ...handlers.keys()]);
  if (handlers.has("GET")) allow.add("HEAD");
  return { route, segments, handlers, allow: [...allow].sort().join(", ") };
}

/** Static before dynamic before catch-all, segment by segment from the left. */
function moreSpecificFirst(a: Compiled, b: Compiled): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const difference = a.segments[i]!.kind - b.segments[i]!.kind;
    if (difference) return difference;
  }
  return b.segments.length - a.segments.length;
}

export class ApiRouter {
  private readonly routes: Compiled[];

  constructor(routes: ApiRoute[]) {
    this.routes = routes.map(compile).sort(moreSpecificFirst);
  }

  /**
   * What answers a method and URL under /api/: a handler with its decoded parameters, an OPTIONS answer, or a
   * status. Null when the router does not take the path: outside /api/, or with an empty segment (a trailing
   * or doubled slash, which Next redirects to the path without it, as before), or an escape that does not
   * decode (lib/server/http.ts refuses those first).
   */
  match(method: string | undefined, url: string | undefined): RouteMatch | null {
    if (!method || !url?.startsWith("/api/")) return null;
    const query = url.indexOf("?");
    const raw = (query < 0 ? url : url.slice(0, query)).split("/").slice(1);
    if (raw.includes("")) return null;
    let segments: string[];
    try {
      segments = raw.map((segment) => (segment.includes("%") ? decodeURIComponent(segment) : segment));
    } catch {
      return null;
    }
    for (const candidate of this.routes) {
      const params = matchSegments(candidate.segments, segments);
      if (!params) continue;
      if (!(HTTP_METHODS as readonly string[]).includes(method)) return { kind: "status", status: 400 };
      const handler = candidate.handlers.get(method) ?? (method === "HEAD" ? candidate.handlers.get("GET") : undefined);
      if (handler) return { kind: "handler", route: candidate.route, handler, params };
      if (method === "OPTIONS") return { kind: "options", allow: candidate.allow };
      return { kind: "status", status: 405 };
    }
    return null;
  }
}

function matchSegments(pattern: Segment[], segments: string[]): Params | null {
  const last = pattern[pattern.length - 1];
  if (last?.kind === 2 ? segments.length < pattern.length : segments.length !== pattern.length) return null;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i]!;
    if (part.kind === 0) {
      if (part.value !== segments[i]) return null;
    } else if (part.kind === 1) params[part.name] = segments[i]!;
    else params[part.name] = segments.slice(i);
  }
  return params;
}

const gzip = promisify(zlib.gzip);
/** Bodies from this size up are gzipped for clients that accept it (as Next's compression did). */
const COMPRESS_FROM_BYTES = 1024;
/** A streamed answer is gzipped when it is text of these types and the client accepts it. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml)|[^;]*\+(json|xml))/i;

/** What readBody gives when the client closed the connection before sending the whole body. */
const ABORTED = Symbol("aborted");

/**
 * The request's body; null when it is larger than any buffered route reads (MAX_BODY_BYTES; each handler
 * applies its own, smaller limit itself), ABORTED when the client left before sending all of it.
 */
function readBody(req: http.IncomingMessage): Promise<Buffer | null | typeof ABORTED> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume(); // the rest is read and dropped; the answer is already decided
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(ABORTED)); // after a complete body, too late to count (a promise settles once)
    req.on("close", () => {
      if (!req.complete) resolve(ABORTED);
    });
  });
}

/**
 * The request's headers as this server left them (req.headers, not rawHeaders): with its request id and
 * client address, and without any client-sent value of those.
 */
function toHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? ""]) {
      try {
        headers.append(name, one);
      } catch {
        // a header Headers refuses (not a valid name or value): not passed on, as Next's adapter drops it
      }
    }
  }
  return headers;
}

function urlOf(req: http.IncomingMessage): URL {
  try {
    return new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    return new URL(req.url ?? "/", "http://localhost");
  }
}

/** Serves what the router matched: the Node request as a web Request, the handler's Response written back. */
export async function serveRoute(
  match: RouteMatch,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  if (match.kind !== "handler") {
    // Nothing of a body is used; it is read and dropped so the connection stays usable.
    req.resume();
    if (match.kind === "options") res.writeHead(204, { allow: match.allow }).end();
    else res.writeHead(match.status).end(); // made JSON by jsonApiErrors (lib/server/error-answers.ts)
    return;
  }
  const headers = toHeaders(req);
  const url = urlOf(req);
  const method = req.method ?? "GET";
  let response: Response;
  if (method === "GET" || method === "HEAD") {
    req.resume();
    response = await match.handler(new Request(url, { method, headers }), { params: Promise.resolve(match.params) });
  } else if (match.route.streamBody) {
    const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    const request = new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
    response = await match.handler(request, { params: Promise.resolve(match.params) });
  } else {
    const body = await readBody(req);
    // Nobody is left to answer, and the handler never sees part of a body (half an autosave is not saved).
    if (body === ABORTED) return;
    const request = new Request(url, { method, headers, body: body ? (body as Uint8Array<ArrayBuffer>) : undefined });
    response =
      body === null
        ? errorResponse(
            new AppError(
              "PAYLOAD_TOO_LARGE",
              `The request body is larger than ${Math.round(MAX_BODY_BYTES / 1024)} KB.`,
            ),
            request,
          )
        : await match.handler(request, { params: Promise.resolve(match.params) });
  }
  await writeResponse(response, req, res);
}

/**
 * Writes a Response to Node's: whole (gzipped from 1 KB when accepted) when its body is complete at once,
 * as every JSON answer is; streamed (gzipped when text and accepted) when it keeps coming, like an export.
 */
async function writeResponse(response: Response, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.statusCode = response.status;
  const acceptsGzip =
    /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? "")) && !response.headers.has("content-encoding");
  const zipped = () => {
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", [response.headers.get("vary"), "Accept-Encoding"].filter(Boolean).join(", "));
    res.removeHeader("content-length");
  };
  if (response.status === 204 || response.status === 304 || !response.body) {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (let read = await reader.read(); ; read = await reader.read()) {
    if (read.done) {
      let payload: Buffer = Buffer.concat(chunks);
      if (payload.length >= COMPRESS_FROM_BYTES && acceptsGzip) {
        payload = await gzip(payload);
        zipped();
      }
      res.setHeader("content-length", payload.length);
      res.end(payload);
      return;
    }
    chunks.push(read.value);
    // More than one piece: a stream whose end is not there yet. Send what is there, then the rest as it comes.
    if (chunks.length > 1) break;
  }
  const rest = Readable.from(
    (async function* () {
      try {
        yield* chunks;
        for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
      } finally {
        // The client left (or writing failed): the producer is told, and releases what it holds.
        await reader.cancel().catch(() => undefined);
      }
    })(),
  );
  const gzipStream = acceptsGzip && COMPRESSIBLE.test(response.headers.get("content-type") ?? "");
  if (gzipStream) zipped();
  await (gzipStream ? pipeline(rest, zlib.createGzip(), res) : pipeline(rest, res)).catch(() => undefined);
}
