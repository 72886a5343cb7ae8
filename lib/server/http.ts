// Mockroom's HTTP server: a thin Node server that gives every request an id, records the client's address,
// writes one log line per request and shuts down gracefully. It serves /api by its own router
// (lib/server/api-router.ts) and everything else (pages, files) by Next's request handler.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { startMaintenance } from "../data/maintenance";
import { logger } from "../logger";
import { RUNNER_CSP } from "../coding/runtime";
import { clientFromForwardedFor } from "../auth/rate-limit-rules";
import { withoutInvalidCallbackCookie } from "../http/redirects";
import { isCrossSite, requestTarget } from "../http/same-origin";
import {
  contentSecurityPolicy,
  microphoneAllowed,
  newNonce,
  securityHeaders,
  strictSecurityHeaders,
} from "../http/security-headers";
import { ApiRouter, serveRoute } from "./api-router";
import { API_ROUTES } from "./api-routes";
import { correctPageStatus, jsonApiErrors } from "./error-answers";
import { PageCache } from "./page-cache";
import { BAD_PATH_HEADER, PATH_HEADER, requestContext, type RequestContext } from "./request-context";
// Loaded here, before any request is accepted, so the shared context it makes is empty.
import "./outside-requests";

const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** What Next serves that is not a page: its built files and images, the icon, the code runners' files. */
const NOT_A_PAGE = /^\/(?:_next\/static\/|_next\/image|favicon\.ico|python\/|sql\/)/;
const NONCE_HEADERS = ["x-nonce", "content-security-policy"] as const;

export type RunningServer = { url: string; close: () => Promise<void> };

/**
 * Closes the server once on SIGTERM or SIGINT (requests in flight finish), then exits 0; `said` hears which
 * signal it was. Returns that close, for other reasons to stop.
 */
export function closeOnSignals(running: RunningServer, said?: (signal: string) => void): () => void {
  let closing = false;
  const close = (signal?: string) => {
    if (closing) return;
    closing = true;
    if (signal) said?.(signal);
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => close("SIGTERM"));
  process.on("SIGINT", () => close("SIGINT"));
  return () => close();
}

export async function startHttpServer(options: {
  dir: string;
  dev: boolean;
  host: string;
  port: number;
  trustProxy: boolean;
  /** Seconds anonymous visitors' public pages are kept (lib/server/page-cache.ts); 0 or absent: off. */
  pageCacheSeconds?: number;
}): Promise<RunningServer> {
  if (!options.dev) {
    // Serve with the Next config the build used (what Next's standalone server.js does), rather than
    // loading next.config.ts again: the same in the repository and in the container's standalone folder.
    const built = path.join(options.dir, ".next", "required-server-files.json");
    if (fs.existsSync(built))
      process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
        (JSON.parse(fs.readFileSync(built, "utf8")) as { config: unknown }).config,
      );
  }
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pageCacheMs = options.dev ? 0 : (options.pageCacheSeconds ?? 0) * 1000;
  const cachedPages = new PageCache({ ttlMs: () => pageCacheMs, maxBytes: 32 * 1024 * 1024 });
  const apiRouter = new ApiRouter(API_ROUTES);

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && PLAUSIBLE_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.headers["x-request-id"] = id;
    res.setHeader("x-request-id", id);
    // Only this server decides the client address; a client-sent value is discarded. Behind a trusted proxy it
    // is the address the proxy saw: the last X-Forwarded-For entry, as the proxy appends it to whatever the
    // client sent (the first entries are the client's to choose).
    const forwarded = options.trustProxy ? clientFromForwardedFor(req.headers["x-forwarded-for"]) : "";
    req.headers["x-mockroom-client-ip"] = forwarded || req.socket.remoteAddress || "unknown";
    const path = (req.url ?? "/").split("?")[0];
    res.on("finish", () => {
      if (path?.startsWith("/_next/static")) return;
      logger.info("request", {
        requestId: id,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    // next-auth takes a callback-url cookie it cannot parse for a configuration error (500): such a cookie is dropped.
    if (req.headers.cookie) req.headers.cookie = withoutInvalidCallbackCookie(req.headers.cookie);
    const api = req.url?.startsWith("/api/") ?? false;
    const https =
      options.trustProxy &&
      String(req.headers["x-forwarded-proto"] ?? "")
        .split(",")[0]
        ?.trim() === "https";
    // Every answer carries the security headers, also those Next makes before any page code runs (redirects
    // that normalise a path, its own 4xx). API routes and Next's files get a strict policy, the code runners'
    // files the worker's (lib/coding/serve-file.ts), and a page the policy of a nonce of its own (below).
    const secure = { https: https && !options.dev };
    // Without a proxy to vouch for them, forwarded headers are whatever the client wrote: nothing after this
    // point may act on them (Next compares a server action's Origin with X-Forwarded-Host and answered 500 to a
    // forged one; found by the fuzzer).
    if (!options.trustProxy) {
      for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-forwarded-for", "forwarded"])
        delete req.headers[name];
    }
    // Next's built files keep no policy of their own: a Web Worker built there (the note preview) runs under
    // the policy its script is served with.
    const fixed =
      req.url?.startsWith("/python/") || req.url?.startsWith("/sql/")
        ? { ...securityHeaders(secure), "content-security-policy": RUNNER_CSP }
        : req.url?.startsWith("/_next/static/")
          ? securityHeaders(secure)
          : strictSecurityHeaders({ ...secure, microphone: !api && microphoneAllowed(req.url ?? "") });
    for (const [name, value] of Object.entries(fixed)) res.setHeader(name, value);
    // A page (anything Next renders for a browser) gets a fresh nonce: Next puts it on its inline scripts (it reads
    // the request's policy), the root layout gives it to next-themes (x-nonce), and the answer carries the same
    // policy. Whatever a client sent under these names is dropped first. The path is kept for sign-in return URLs.
    for (const name of [...NONCE_HEADERS, "content-security-policy-report-only", PATH_HEADER]) delete req.headers[name];
    if (!api && !NOT_A_PAGE.test(req.url ?? "/")) {
      const nonce = newNonce();
      const csp = contentSecurityPolicy(nonce, { dev: options.dev });
      req.headers["x-nonce"] = nonce;
      req.headers["content-security-policy"] = csp;
      req.headers[PATH_HEADER] = req.url ?? "/";
      res.setHeader("content-security-policy", csp);
    }
    // Server actions (pages only; API routes check Origin themselves): Next refuses a cross-site one too, but
    // with a 500 after parsing it; refuse it first. A multipart POST is one as well without Next's header (a form
    // posted before its page's JavaScript ran): Next parses its body as one, and answered 500 to a cross-site one
    // it could not parse (found by the fuzzer).
    if (
      !api &&
      req.method === "POST" &&
      (req.headers["next-action"] ||
        /^multipart\/form-data\b/i.test(String(req.headers["content-type"] ?? "").trimStart())) &&
      isCrossSite(
        req.headers.origin,
        requestTarget((name) => req.headers[name], options.trustProxy),
      )
    ) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      res.end("Cross-site requests are not allowed.");
      return;
    }
    // Writes to the API answer with a few bytes of JSON (a revision, an id): gzipping them cost more CPU
    // than anything else in an autosave. Pages and API reads are still compressed.
    if (api && req.method !== "GET" && req.method !== "HEAD") delete req.headers["accept-encoding"];
    const context: RequestContext = {};
    delete req.headers[BAD_PATH_HEADER];
    const pathProblem = invalidPath(path ?? "/");
    const badPath = pathProblem !== null;
    if (badPath && api) {
      res.writeHead(400, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      res.end(JSON.stringify({ error: { code: "VALIDATION", message: `The address is not valid: ${pathProblem}.` } }));
      return;
    }
    if (badPath) {
      // The app's own not-found page (app/not-found.tsx says why), with the headers of every page, as 400.
      req.url = "/_mockroom/invalid-address";
      req.headers[BAD_PATH_HEADER] = "1";
    }
    if (api) jsonApiErrors(res);
    else correctPageStatus(res, context, badPath);
    // Anonymous visitors' public pages, and public API reads: served from a copy of a few seconds ago when
    // there is one.
    const pageKey = cachedPages.keyFor(req, https);
    if (pageKey && cachedPages.serve(pageKey, req, res)) return;
    if (pageKey) cachedPages.capture(pageKey, req, res, () => !context.renderFailed);
    // Every API route by its own handler, without Next's pipeline (decision 0017). What the router does not
    // take (a trailing or doubled slash) goes to Next, which redirects it.
    const route = api ? apiRouter.match(req.method, req.url) : null;
    if (route) {
      requestContext()
        .run(context, () => serveRoute(route, req, res))
        .catch((error: Error) => fail(res, id, error));
      return;
    }
    requestContext()
      .run(context, () => handle(req, res))
      .catch((error: Error) => fail(res, id, error));
  });
  // A request Node's parser refuses (broken framing, headers too large, a body without its length) never
  // reaches the handler above; it still gets an id, the security headers and the API's error shape, not
  // Node's bare default answer.
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const id = crypto.randomUUID();
    const [status, text] =
      error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request Header Fields Too Large"]
        : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? [408, "Request Timeout"]
          : [400, "Bad Request"];
    const message =
      status === 431
        ? "The request's headers are too large."
        : status === 408
          ? "The request took too long to arrive."
          : "The request is not valid HTTP.";
    const body = JSON.stringify({ error: { code: "VALIDATION", message } });
    const headers = {
      ...strictSecurityHeaders({ https: false }),
      "x-request-id": id,
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
      connection: "close",
    };
    logger.info("request", { requestId: id, status, error: error.code ?? error.message });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join("\r\n")}\r\n\r\n${body}`,
    );
  });
  // A socket that moves nothing for two minutes is closed: a client that stops reading a streamed download
  // releases what the stream holds (lib/data/account-export.ts).
  server.timeout = 120_000;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });

  // Expired sessions, reset links and idle rate-limit counters go now and then (lib/data/maintenance.ts).
  const stopMaintenance = options.dev ? () => undefined : startMaintenance();

  const shownHost = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${shownHost}:${options.port}`,
    // Stops accepting connections, lets requests in flight finish (up to 10 s), then closes the app.
    close: () =>
      new Promise<void>((resolve) => {
        stopMaintenance();
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        // Keep-alive connections become idle as their last response ends: close each as soon as it does.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearTimeout(force);
          clearInterval(idle);
          app
            .close()
            .catch(() => undefined)
            .finally(resolve);
        });
        server.closeIdleConnections();
      }),
  };
}

/**
 * Why a path cannot name anything here, or null: a percent-escape that is incomplete or not UTF-8 (Next failed
 * on those with a bare 500), or a "." or ".." segment, spelled out or escaped (browsers resolve those before
 * sending; left in, "/api/../x" would be decided as an API path and served as a page).
 */
export function invalidPath(path: string): string | null {
  if (path.includes("%")) {
    try {
      decodeURIComponent(path);
    } catch {
      return "its percent-escapes do not decode to UTF-8";
    }
  }
  if (path.includes(".") || /%2e/i.test(path)) {
    for (const segment of path.split("/")) {
      if (/^(\.|%2e){1,2}$/i.test(segment)) return "it has a '.' or '..' segment";
    }
  }
  return null;
}

function fail(res: http.ServerResponse, id: string, error: Error): void {
  logger.error("request failed", { requestId: id, error: error.message });
  if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
  res.end("Internal error");
}
