// Mockroom's HTTP server: Next's request handler behind a thin Node server that gives every request an
// id, records the client's address, writes one log line per request and shuts down gracefully.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { startMaintenance } from "../data/maintenance";
import { logger } from "../logger";
import { clientFromForwardedFor } from "../rate-limit-rules";
import { isCrossSite, requestTarget } from "../same-origin";
import { apiSecurityHeaders, securityHeaders } from "../security-headers";
import { matchDirectRoute, serveDirect } from "./direct-routes";
import { PageCache } from "./page-cache";
import { countingQueries, requestContext, type RequestContext } from "./request-context";
// Loaded here, before any request is accepted, so the shared context it makes is empty.
import "../outside-requests";

/** With MOCKROOM_COUNT_QUERIES=1: requests and database queries per `x-bench-route` label (read by the benchmark). */
/** Per benchmark route: requests, queries, and each request's time in this server (ms, arrival to last byte written). */
export const queryStats = new Map<string, { requests: number; queries: number; ms: number[] }>();

const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

let pages: PageCache | null = null;

/** Hits, misses and size of the anonymous page cache (read by the benchmark). */
export function pageCacheStats() {
  return pages?.snapshot() ?? null;
}

export type RunningServer = { url: string; close: () => Promise<void> };

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
    if (fs.existsSync(built)) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify((JSON.parse(fs.readFileSync(built, "utf8")) as { config: unknown }).config);
  }
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pageCacheMs = options.dev ? 0 : (options.pageCacheSeconds ?? 0) * 1000;
  const cachedPages = new PageCache({ ttlMs: () => pageCacheMs, maxBytes: 32 * 1024 * 1024 });
  pages = cachedPages;

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
    res.on("finish", () => {
      const path = (req.url ?? "/").split("?")[0];
      if (path?.startsWith("/_next/static")) return;
      logger.info("request", {
        requestId: id,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    const api = req.url?.startsWith("/api/") ?? false;
    // Server actions: Next refuses a cross-site one too, but with a 500 after parsing it; refuse it first.
    if (req.method === "POST" && req.headers["next-action"] && isCrossSite(req.headers.origin, requestTarget((name) => req.headers[name], options.trustProxy))) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      res.end("Cross-site requests are not allowed.");
      return;
    }
    const https = options.trustProxy && String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]?.trim() === "https";
    if (api || req.url?.startsWith("/python/")) {
      // API routes and the Python runner's files skip proxy.ts (see there): their security headers are
      // fixed, so they are set here. The runner's files set their own CSP, the worker's: none is added to it.
      const fixed = api ? apiSecurityHeaders({ https: https && !options.dev }) : securityHeaders({ https: https && !options.dev });
      for (const [name, value] of Object.entries(fixed)) res.setHeader(name, value);
    }
    // Writes to the API answer with a few bytes of JSON (a revision, an id): gzipping them cost more CPU
    // than anything else in an autosave. Pages and API reads are still compressed.
    if (api && req.method !== "GET" && req.method !== "HEAD") delete req.headers["accept-encoding"];
    const context: RequestContext = { queries: 0 };
    // A page that failed for want of a database is unavailable (503, retry later), not broken (500).
    // (API routes answer 503 themselves: lib/api.ts.)
    if (!api) {
      const writeHead = res.writeHead as (...args: unknown[]) => http.ServerResponse;
      res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
        if (status !== 500 || !context.databaseUnavailable) return writeHead.call(this, status, ...rest);
        this.setHeader("retry-after", "5");
        return writeHead.call(this, 503, ...rest.filter((arg) => typeof arg !== "string")); // no "Internal Server Error" text
      } as typeof res.writeHead;
    }
    // The hottest API routes, by their own handlers without Next's pipeline (lib/server/direct-routes.ts).
    // In development Next serves them too, so they reload like the rest.
    const direct = options.dev ? null : matchDirectRoute(req.method, req.url);
    if (direct) {
      countRequest(req, res, started, context);
      requestContext().run(context, () => serveDirect(direct, req, res)).catch((error: Error) => fail(res, id, error));
      return;
    }
    // Anonymous visitors' public pages, and public API reads: served from a copy of a few seconds ago when
    // there is one.
    const pageKey = cachedPages.keyFor(req, https);
    if (pageKey && cachedPages.serve(pageKey, req, res)) {
      countRequest(req, res, started, context);
      return;
    }
    if (pageKey) cachedPages.capture(pageKey, req, res, () => !context.renderFailed);
    countRequest(req, res, started, context);
    requestContext().run(context, () => handle(req, res)).catch((error: Error) => fail(res, id, error));
  });
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
          app.close().catch(() => undefined).finally(resolve);
        });
        server.closeIdleConnections();
      }),
  };
}

function fail(res: http.ServerResponse, id: string, error: Error): void {
  logger.error("request failed", { requestId: id, error: error.message });
  if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
  res.end("Internal error");
}

/** With MOCKROOM_COUNT_QUERIES=1, records the request's queries and time in the server under its bench label. */
function countRequest(req: http.IncomingMessage, res: http.ServerResponse, started: bigint, context: RequestContext): void {
  if (!countingQueries()) return;
  const label = String(req.headers["x-bench-route"] ?? "other");
  res.on("finish", () => {
    const stats = queryStats.get(label) ?? { requests: 0, queries: 0, ms: [] };
    stats.requests++;
    stats.queries += context.queries;
    if (stats.ms.length < 200_000) stats.ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    queryStats.set(label, stats);
  });
}
