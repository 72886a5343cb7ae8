// The API routes a candidate hits most during a timed interview, served by their own route handlers
// without Next's request pipeline. Next spends about a millisecond of this server's one thread on every
// request before a route handler runs (routing, its request and response wrappers, its async contexts,
// compression): the no-op baseline route served 1,100 requests/s through it. The autosave, starting an
// interview and reading one do a few milliseconds of work each, so that millisecond was a third of an
// autosave (docs/performance.md, round seven).
//
// The handlers are the app's own (app/api/**/route.ts, imported here): Next serves the same modules in
// development and for every method or path not listed. They must not use Next's request-scoped APIs
// (next/headers, next/navigation, next/cache): they read the session from the request (lib/api.ts), and the
// server bundle refuses to build if one of these modules imports them (lib/cli/serve.ts).
import type http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import * as ping from "../../app/api/ping/route";
import * as interviews from "../../app/api/interviews/route";
import * as interview from "../../app/api/interviews/[id]/route";
import * as answer from "../../app/api/interviews/[id]/answers/[questionId]/route";
import { errorResponse, MAX_BODY_BYTES } from "../api";
import { AppError } from "../errors";

type Params = Record<string, string>;
export type DirectHandler = (request: Request, context: { params: Promise<Params> }) => Response | Promise<Response>;
export type DirectRoute = { method: string; path: string; handler: DirectHandler };

/** A route in Next's folder notation ("/api/interviews/[id]"), with its handler as the app exports it. */
function route<P extends Params>(method: string, path: string, handler: (request: Request, context: { params: Promise<P> }) => Response | Promise<Response>): DirectRoute {
  return { method, path, handler: handler as DirectHandler };
}

export const DIRECT_ROUTES: DirectRoute[] = [
  route("GET", "/api/ping", ping.GET),
  route("POST", "/api/interviews", interviews.POST),
  route("GET", "/api/interviews/[id]", interview.GET),
  route("PUT", "/api/interviews/[id]/answers/[questionId]", answer.PUT),
];

export type DirectMatch = { route: DirectRoute; params: Params };

/**
 * The route for a method and URL, with its dynamic segments decoded; null for anything else (Next serves
 * it: other methods, HEAD, trailing slashes, malformed escapes).
 */
export function matchDirectRoute(method: string | undefined, url: string | undefined, routes = DIRECT_ROUTES): DirectMatch | null {
  if (!method || !url?.startsWith("/api/")) return null;
  const query = url.indexOf("?");
  const segments = (query < 0 ? url : url.slice(0, query)).split("/");
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const pattern = candidate.path.split("/");
    if (pattern.length !== segments.length) continue;
    const params: Params = {};
    let matched = true;
    for (let i = 0; i < pattern.length && matched; i++) {
      const part = pattern[i]!;
      const segment = segments[i]!;
      if (part.startsWith("[") && part.endsWith("]")) {
        if (!segment) matched = false;
        else {
          try {
            params[part.slice(1, -1)] = decodeURIComponent(segment);
          } catch {
            return null;
          }
        }
      } else matched = part === segment;
    }
    if (matched) return { route: candidate, params };
  }
  return null;
}

const gzip = promisify(zlib.gzip);
/** Bodies from this size up are gzipped for clients that accept it (as Next's compression does). */
const COMPRESS_FROM_BYTES = 1024;

/** What readBody gives when the client closed the connection before sending the whole body. */
const ABORTED = Symbol("aborted");

/**
 * The request's body; null when it is larger than any direct route reads (MAX_BODY_BYTES; each handler
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

/** Serves a matched route: the Node request as a web Request, the handler's Response written back. */
export async function serveDirect(match: DirectMatch, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = toHeaders(req);
  let url: URL;
  try {
    url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    url = new URL(req.url ?? "/", "http://localhost");
  }
  const method = req.method ?? "GET";
  let response: Response;
  const body = method === "GET" ? undefined : await readBody(req);
  // Nobody is left to answer, and the handler never sees part of a body (half an autosave is not saved).
  if (body === ABORTED) return;
  const request = new Request(url, { method, headers, body: body ? (body as Uint8Array<ArrayBuffer>) : undefined });
  if (body === null) {
    response = errorResponse(new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(MAX_BODY_BYTES / 1024)} KB.`), request);
  } else {
    response = await match.route.handler(request, { params: Promise.resolve(match.params) });
  }

  let payload: Buffer = Buffer.from(await response.arrayBuffer());
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  if (payload.length >= COMPRESS_FROM_BYTES && !response.headers.has("content-encoding") && /\bgzip\b/i.test(String(req.headers["accept-encoding"] ?? ""))) {
    payload = await gzip(payload);
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", [response.headers.get("vary"), "Accept-Encoding"].filter(Boolean).join(", "));
  }
  res.statusCode = response.status;
  if (response.status === 204 || response.status === 304) {
    res.end();
    return;
  }
  res.setHeader("content-length", payload.length);
  res.end(payload);
}
