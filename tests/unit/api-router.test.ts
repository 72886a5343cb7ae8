// The router of /api: that its table holds every route module of app/api at its path with every method the
// module exports, which route a path and method reach (Next's precedence and automatic methods), and how a
// Node request becomes a web Request and the Response goes back, on a real loopback HTTP server.
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/api";
import { ApiRouter, HTTP_METHODS, serveRoute, type ApiRoute, type RouteHandler } from "@/lib/server/api-router";
import { API_ROUTES } from "@/lib/server/api-routes";

/** Every route.ts under app/api, as its path in Next's notation. */
function routeFiles(dir = path.join("app", "api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name)
      ? [
          `/${path
            .dirname(full)
            .split(path.sep)
            .join("/")
            .replace(/^app\//, "")}`,
        ]
      : [];
  });
}

/** A concrete URL for a route path: each dynamic segment a value, each catch-all two segments. */
function sampleUrl(routePath: string): string {
  return routePath.replace(/\[\.\.\.[^\]]+\]/g, "x1/y2").replace(/\[[^\]]+\]/g, "v1");
}

const handler =
  (name: string): RouteHandler =>
  () =>
    Response.json({ name });
const methods = (handlers: Record<string, RouteHandler>) => handlers;

describe("the API route table", () => {
  const router = new ApiRouter(API_ROUTES);

  it("lists every route module under app/api, once, at the path its folder names", () => {
    const files = routeFiles().sort();
    expect(files.length).toBeGreaterThan(30);
    expect(API_ROUTES.map((route) => route.path).sort()).toEqual(files);
  });

  it("serves every HTTP method each module exports, by that export", async () => {
    for (const routePath of routeFiles()) {
      const exported = (await import(
        /* @vite-ignore */ path.resolve("app", ...routePath.split("/").filter(Boolean), "route.ts")
      )) as Record<string, unknown>;
      const served = HTTP_METHODS.filter((method) => typeof exported[method] === "function");
      expect(served.length, routePath).toBeGreaterThan(0);
      // A function export spelled like a method but not one (Get, del) would never be served.
      const unserved = Object.keys(exported).filter(
        (name) => typeof exported[name] === "function" && /^[A-Z]+$/i.test(name) && !served.includes(name as never),
      );
      expect(unserved, routePath).toEqual([]);
      for (const method of served) {
        const match = router.match(method, sampleUrl(routePath));
        expect(match?.kind === "handler" && match.route.path, `${method} ${routePath}`).toBe(routePath);
        expect(match?.kind === "handler" && match.handler, `${method} ${routePath}`).toBe(exported[method]);
      }
    }
  });

  it("routes the app's paths by Next's precedence", () => {
    const at = (method: string, url: string) => {
      const match = router.match(method, url);
      return match?.kind === "handler" ? { path: match.route.path, params: match.params } : match;
    };
    expect(at("PUT", "/api/interviews/abc/answers/d%20e?x=1")).toEqual({
      path: "/api/interviews/[id]/answers/[questionId]",
      params: { id: "abc", questionId: "d e" },
    });
    expect(at("POST", "/api/auth/register")).toMatchObject({ path: "/api/auth/register" }); // static before the catch-all
    expect(at("GET", "/api/auth/callback/github?code=1")).toEqual({
      path: "/api/auth/[...nextauth]",
      params: { nextauth: ["callback", "github"] },
    });
    expect(at("GET", "/api/openapi.json")).toMatchObject({ path: "/api/openapi.json" });
    expect(at("GET", "/api/nothing/here")).toEqual({ path: "/api/[...path]", params: { path: ["nothing", "here"] } });
    expect(at("GET", "/api/interviews/abc/nothing")).toMatchObject({ path: "/api/[...path]" });
    expect(at("GET", "/api/PING")).toMatchObject({ path: "/api/[...path]" }); // case matters, as in Next
  });
});

describe("matching", () => {
  const router = new ApiRouter([
    { path: "/api/[...rest]", module: methods({ GET: handler("rest") }) },
    { path: "/api/things/[id]", module: methods({ GET: handler("thing"), DELETE: handler("delete") }) },
    { path: "/api/things/new", module: methods({ POST: handler("new") }) },
    { path: "/api/things/[id]/[...more]", module: methods({ GET: handler("more") }) },
    { path: "/api/things", module: methods({ GET: handler("list"), HEAD: handler("head") }) },
    { path: "/api/plain", module: { GET: handler("plain"), dynamic: "force-dynamic" } },
  ]);
  const nameOf = (method: string, url: string) => {
    const match = router.match(method, url);
    return match?.kind === "handler" ? { path: match.route.path, params: match.params } : match;
  };

  it("prefers static segments to dynamic ones, and catch-alls last", () => {
    expect(nameOf("POST", "/api/things/new")).toMatchObject({ path: "/api/things/new" });
    // A static route that does not take the method does not give way to the dynamic one (Next: 405).
    expect(nameOf("GET", "/api/things/new")).toEqual({ kind: "status", status: 405 });
    expect(nameOf("GET", "/api/things/7")).toEqual({ path: "/api/things/[id]", params: { id: "7" } });
    expect(nameOf("GET", "/api/things/7/a/b%2Fc")).toEqual({
      path: "/api/things/[id]/[...more]",
      params: { id: "7", more: ["a", "b/c"] },
    });
    expect(nameOf("GET", "/api/other")).toEqual({ path: "/api/[...rest]", params: { rest: ["other"] } });
    expect(new ApiRouter([...API_ROUTES].reverse()).match("POST", "/api/auth/register")).toMatchObject({
      route: { path: "/api/auth/register" },
    });
  });

  it("serves HEAD by GET unless the module has its own, OPTIONS with Allow, other methods 405, unknown methods 400", () => {
    const head = router.match("HEAD", "/api/things/7");
    expect(head?.kind === "handler" && head.handler).toBe(
      router.match("GET", "/api/things/7")?.kind === "handler" &&
        (router.match("GET", "/api/things/7") as { handler: RouteHandler }).handler,
    );
    const ownHead = router.match("HEAD", "/api/things");
    expect(ownHead?.kind === "handler" && ownHead.handler).not.toBe(
      (router.match("GET", "/api/things") as { handler: RouteHandler }).handler,
    );
    expect(router.match("OPTIONS", "/api/things/7")).toEqual({ kind: "options", allow: "DELETE, GET, HEAD, OPTIONS" });
    expect(router.match("OPTIONS", "/api/things/new")).toEqual({ kind: "options", allow: "OPTIONS, POST" });
    expect(router.match("PATCH", "/api/things/7")).toEqual({ kind: "status", status: 405 });
    expect(router.match("PROPFIND", "/api/things/7")).toEqual({ kind: "status", status: 400 });
    expect(router.match("PUT", "/api/plain")).toEqual({ kind: "status", status: 405 }); // `dynamic` is no method
  });

  it("leaves to Next what is not an API path or has an empty segment (it redirects those), and escapes that do not decode", () => {
    expect(router.match("GET", "/api/things/7/")).toBeNull();
    expect(router.match("GET", "/api/things//7")).toBeNull();
    expect(router.match("GET", "/api/")).toBeNull();
    expect(router.match("GET", "/api")).toBeNull();
    expect(router.match("GET", "/apiary")).toBeNull();
    expect(router.match("GET", "/api/things/%E0%A4%A")).toBeNull();
    expect(router.match("GET", "/questions")).toBeNull();
    expect(router.match(undefined, "/api/things")).toBeNull();
  });
});

describe("serving a route", () => {
  let server: http.Server;
  let base: string;
  const served: string[] = [];
  const failures: Error[] = [];
  const seen: { method: string; url: string; params: unknown; body: string; cookie: string | null }[] = [];
  let cancelled = 0;
  const routes: ApiRoute[] = [
    {
      path: "/api/echo/[id]",
      module: methods({
        PUT: async (request, { params }) => {
          const body = await request.text();
          seen.push({
            method: request.method,
            url: request.url,
            params: await params,
            body,
            cookie: request.headers.get("cookie"),
          });
          const size = Number(new URL(request.url).searchParams.get("size") ?? 2);
          const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
          headers.append("set-cookie", "a=1; Path=/");
          headers.append("set-cookie", "b=2; Path=/");
          return new Response(JSON.stringify({ pad: "x".repeat(size) }), { status: 201, headers });
        },
      }),
    },
    { path: "/api/empty", module: methods({ GET: () => new Response(null, { status: 204 }) }) },
    {
      path: "/api/who",
      module: methods({
        GET: (request) =>
          Response.json({ id: request.headers.get("x-request-id"), ip: request.headers.get("x-mockroom-client-ip") }),
      }),
    },
    {
      // A download that arrives in pieces, like the account export: sent as it comes, never held whole.
      path: "/api/stream",
      module: methods({
        GET: (request) => {
          const pieces = Number(new URL(request.url).searchParams.get("pieces") ?? 3);
          let sent = 0;
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              await new Promise((resolve) => setTimeout(resolve, 2));
              if (sent === pieces) return controller.close();
              controller.enqueue(new TextEncoder().encode(`piece ${sent++};`.padEnd(600, ".")));
            },
            cancel() {
              cancelled++;
            },
          });
          return new Response(body, { headers: { "content-type": "text/plain; charset=utf-8" } });
        },
      }),
    },
    {
      // Reads its body as a stream itself, beyond the router's buffered limit (the account import).
      path: "/api/upload",
      streamBody: true,
      module: methods({ POST: async (request) => Response.json({ bytes: (await request.arrayBuffer()).byteLength }) }),
    },
  ];

  beforeAll(async () => {
    const router = new ApiRouter(routes);
    server = http.createServer((req, res) => {
      // As lib/server/http.ts does: the server decides these two, whatever the client sent.
      req.headers["x-request-id"] = "server-chosen-id";
      req.headers["x-mockroom-client-ip"] = "10.9.8.7";
      const match = router.match(req.method, req.url);
      if (!match) {
        res.statusCode = 599;
        res.end();
        return;
      }
      serveRoute(match, req, res).then(
        () => served.push(req.url ?? ""),
        (error: Error) => {
          failures.push(error);
          res.destroy();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("passes method, URL, params, headers and body to the handler, and its status, headers and cookies back", async () => {
    const response = await fetch(`${base}/api/echo/r%C3%A9sum%C3%A9?size=5`, {
      method: "PUT",
      headers: { cookie: "s=1; t=2", "content-type": "application/json" },
      body: '{"a":"é"}',
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ pad: "xxxxx" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("content-length")).toBe(String('{"pad":"xxxxx"}'.length));
    expect(seen.at(-1)).toEqual({
      method: "PUT",
      url: expect.stringMatching(/\/api\/echo\/r%C3%A9sum%C3%A9\?size=5$/),
      params: { id: "résumé" },
      body: '{"a":"é"}',
      cookie: "s=1; t=2",
    });
  });

  it("gzips answers from 1 KB for clients that accept it, and only those", async () => {
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request(
        `${base}/api/echo/x?size=4000`,
        { method: "PUT", headers: { "accept-encoding": "gzip" } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        },
      );
      request.on("error", reject);
      request.end("{}");
    });
    expect(raw.headers["content-encoding"]).toBe("gzip");
    expect(raw.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(zlib.gunzipSync(raw.body).toString()).pad).toHaveLength(4000);

    const small = await fetch(`${base}/api/echo/x?size=10`, { method: "PUT", body: "{}" }); // fetch accepts gzip
    expect(small.headers.get("content-encoding")).toBeNull();
    const plain = await new Promise<http.IncomingHttpHeaders>((resolve) => {
      http.request(`${base}/api/echo/x?size=4000`, { method: "PUT" }, (res) => resolve(res.headers)).end("{}");
    });
    expect(plain["content-encoding"]).toBeUndefined();
  });

  it("refuses a body larger than any buffered route reads with 413 in the API's error shape, without calling the handler", async () => {
    const before = seen.length;
    const response = await fetch(`${base}/api/echo/x`, { method: "PUT", body: "y".repeat(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(seen.length).toBe(before);
  });

  it("gives the handler the request id and client address the server set, not the ones the client sent", async () => {
    const response = await fetch(`${base}/api/who`, {
      headers: { "x-request-id": "client-id-123", "x-mockroom-client-ip": "1.2.3.4" },
    });
    expect(await response.json()).toEqual({ id: "server-chosen-id", ip: "10.9.8.7" });
  });

  it("sends no body with a 204", async () => {
    const response = await fetch(`${base}/api/empty`);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  it("calls no handler when the client leaves in the middle of the body, and does not fail", async () => {
    const before = seen.length;
    const socket = net.connect(Number(new URL(base).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      "PUT /api/echo/left HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n" +
        '{"content":"half',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await expect.poll(() => served).toContain("/api/echo/left");
    expect(seen.length).toBe(before);
    expect(failures).toEqual([]);
  });

  it("streams an answer that comes in pieces, gzipped when accepted, and tells the producer when the client leaves", async () => {
    const plain = await fetch(`${base}/api/stream?pieces=3`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-length")).toBeNull();
    expect((await plain.text()).match(/piece \d/g)).toEqual(["piece 0", "piece 1", "piece 2"]);

    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}/api/stream?pieces=4`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(
      zlib
        .gunzipSync(zipped.body)
        .toString()
        .match(/piece \d/g),
    ).toHaveLength(4);

    const before = cancelled;
    await new Promise<void>((resolve) => {
      const request = http.get(`${base}/api/stream?pieces=100000`, (res) => {
        res.once("data", () => {
          request.destroy();
          resolve();
        });
      });
      request.on("error", () => undefined);
    });
    await expect.poll(() => cancelled).toBe(before + 1);
  });

  it("gives a streaming route the body as it arrives, past the buffered limit", async () => {
    const response = await fetch(`${base}/api/upload`, { method: "POST", body: "z".repeat(MAX_BODY_BYTES * 2) });
    expect(await response.json()).toEqual({ bytes: MAX_BODY_BYTES * 2 });
  });

  it("answers OPTIONS with Allow and a method the route does not take with 405, draining any body", async () => {
    const options = await fetch(`${base}/api/echo/x`, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("OPTIONS, PUT");
    const refused = await fetch(`${base}/api/echo/x`, { method: "POST", body: "{}" });
    expect(refused.status).toBe(405);
  });

  it("answers HEAD by GET without a body", async () => {
    const response = await fetch(`${base}/api/who`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});
