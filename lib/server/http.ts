// Mockroom's HTTP server: Next's request handler behind a thin Node server that gives every request an
// id, records the client's address, writes one log line per request and shuts down gracefully.
import crypto from "node:crypto";
import http from "node:http";
import next from "next";
import { logger } from "../logger";
import { countingQueries, requestContext } from "./request-context";

/** With MOCKROOM_COUNT_QUERIES=1: requests and database queries per `x-bench-route` label (read by the benchmark). */
export const queryStats = new Map<string, { requests: number; queries: number }>();

const PLAUSIBLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export type RunningServer = { url: string; close: () => Promise<void> };

export async function startHttpServer(options: {
  dir: string;
  dev: boolean;
  host: string;
  port: number;
  trustProxy: boolean;
}): Promise<RunningServer> {
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && PLAUSIBLE_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.headers["x-request-id"] = id;
    res.setHeader("x-request-id", id);
    // Only this server decides the client address; a client-sent value is discarded.
    const forwarded = options.trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim() : "";
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
    const context = { queries: 0 };
    if (countingQueries()) {
      const label = String(req.headers["x-bench-route"] ?? "other");
      res.on("finish", () => {
        const stats = queryStats.get(label) ?? { requests: 0, queries: 0 };
        stats.requests++;
        stats.queries += context.queries;
        queryStats.set(label, stats);
      });
    }
    requestContext().run(context, () => handle(req, res)).catch((error: Error) => {
      logger.error("request failed", { requestId: id, error: error.message });
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });

  const shownHost = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${shownHost}:${options.port}`,
    // Stops accepting connections, lets requests in flight finish (up to 10 s), then closes the app.
    close: () =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        server.close(() => {
          clearTimeout(force);
          app.close().catch(() => undefined).finally(resolve);
        });
        server.closeIdleConnections();
      }),
  };
}
