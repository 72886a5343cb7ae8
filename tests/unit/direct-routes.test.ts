// The API routes the server answers without Next: which requests they take, that they are the app's own
// handlers, and how a Node request becomes a web Request and the Response goes back, on a real loopback
// HTTP server.
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/api";
import { DIRECT_ROUTES, matchDirectRoute, serveDirect, type DirectRoute } from "@/lib/server/direct-routes";

describe("the direct route table", () => {
  it("lists route handlers the app exports at the same path, so Next and the direct path serve the same code", async () => {
    expect(DIRECT_ROUTES.length).toBeGreaterThan(0);
    for (const route of DIRECT_ROUTES) {
      const file = path.join("app", ...route.path.split("/").filter(Boolean), "route.ts");
      expect(fs.existsSync(file), file).toBe(true);
      const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      expect(exported[route.method], `${route.method} ${file}`).toBe(route.handler);
    }
  });

  it("matches a method and a whole path, decoding the dynamic segments", () => {
    const save = matchDirectRoute("PUT", "/api/interviews/abc/answers/d%20e?x=1");
    expect(save?.route.path).toBe("/api/interviews/[id]/answers/[questionId]");
    expect(save?.params).toEqual({ id: "abc", questionId: "d e" });
    expect(matchDirectRoute("GET", "/api/interviews/abc")?.params).toEqual({ id: "abc" });
    expect(matchDirectRoute("POST", "/api/interviews")?.route.path).toBe("/api/interviews");
  });

  it("leaves everything else to Next", () => {
    expect(matchDirectRoute("GET", "/api/interviews")).toBeNull(); // the list is not a direct route
    expect(matchDirectRoute("HEAD", "/api/ping")).toBeNull();
    expect(matchDirectRoute("DELETE", "/api/interviews/abc")).toBeNull();
    expect(matchDirectRoute("GET", "/api/interviews/abc/")).toBeNull(); // trailing slash: Next redirects it
    expect(matchDirectRoute("GET", "/api/interviews//")).toBeNull();
    expect(matchDirectRoute("GET", "/api/interviews/%E0%A4%A")).toBeNull(); // malformed escape
    expect(matchDirectRoute("GET", "/api/interviews/abc/finish")).toBeNull();
    expect(matchDirectRoute("GET", "/questions")).toBeNull();
    expect(matchDirectRoute(undefined, "/api/ping")).toBeNull();
  });
});

describe("serving a direct route", () => {
  let server: http.Server;
  let base: string;
  const served: string[] = [];
  const failures: Error[] = [];
  const seen: { method: string; url: string; params: Record<string, string>; body: string; cookie: string | null }[] = [];
  const routes: DirectRoute[] = [
    {
      method: "PUT",
      path: "/api/echo/[id]",
      handler: async (request, { params }) => {
        const body = await request.text();
        seen.push({ method: request.method, url: request.url, params: await params, body, cookie: request.headers.get("cookie") });
        const size = Number(new URL(request.url).searchParams.get("size") ?? 2);
        const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
        headers.append("set-cookie", "a=1; Path=/");
        headers.append("set-cookie", "b=2; Path=/");
        return new Response(JSON.stringify({ pad: "x".repeat(size) }), { status: 201, headers });
      },
    },
    { method: "GET", path: "/api/empty", handler: () => new Response(null, { status: 204 }) },
    {
      method: "GET",
      path: "/api/who",
      handler: (request) => Response.json({ id: request.headers.get("x-request-id"), ip: request.headers.get("x-mockroom-client-ip") }),
    },
  ];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      // As lib/server/http.ts does: the server decides these two, whatever the client sent.
      req.headers["x-request-id"] = "server-chosen-id";
      req.headers["x-mockroom-client-ip"] = "10.9.8.7";
      const match = matchDirectRoute(req.method, req.url, routes);
      if (!match) {
        res.statusCode = 599;
        res.end();
        return;
      }
      serveDirect(match, req, res).then(() => served.push(req.url ?? ""), (error: Error) => {
        failures.push(error);
        res.destroy();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("passes method, URL, params, headers and body to the handler, and its status, headers and cookies back", async () => {
    const response = await fetch(`${base}/api/echo/r%C3%A9sum%C3%A9?size=5`, { method: "PUT", headers: { cookie: "s=1; t=2", "content-type": "application/json" }, body: '{"a":"é"}' });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ pad: "xxxxx" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("content-length")).toBe(String('{"pad":"xxxxx"}'.length));
    expect(seen.at(-1)).toEqual({ method: "PUT", url: expect.stringMatching(/\/api\/echo\/r%C3%A9sum%C3%A9\?size=5$/), params: { id: "résumé" }, body: '{"a":"é"}', cookie: "s=1; t=2" });
  });

  it("gzips answers from 1 KB for clients that accept it, and only those", async () => {
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request(`${base}/api/echo/x?size=4000`, { method: "PUT", headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
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

  it("refuses a body larger than any direct route reads with 413 in the API's error shape, without calling the handler", async () => {
    const before = seen.length;
    const response = await fetch(`${base}/api/echo/x`, { method: "PUT", body: "y".repeat(MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(seen.length).toBe(before);
  });

  it("gives the handler the request id and client address the server set, not the ones the client sent", async () => {
    const response = await fetch(`${base}/api/who`, { headers: { "x-request-id": "client-id-123", "x-mockroom-client-ip": "1.2.3.4" } });
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
    socket.write("PUT /api/echo/left HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n" + '{"content":"half');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await expect.poll(() => served).toContain("/api/echo/left");
    expect(seen.length).toBe(before);
    expect(failures).toEqual([]);
  });
});
