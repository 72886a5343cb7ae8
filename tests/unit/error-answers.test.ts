// The server's corrections of answers Next or a library wrote: API errors always in the JSON error shape,
// page failures that are the client's or the database's fault never a 500. On a real loopback server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { correctPageStatus, jsonApiErrors } from "@/lib/server/error-answers";
import type { RequestContext } from "@/lib/server/request-context";

let server: http.Server;
let base = "";

const handlers: Record<string, (res: http.ServerResponse) => void> = {
  "/api/empty-405": (res) => {
    res.statusCode = 405;
    res.setHeader("allow", "GET");
    res.end();
  },
  "/api/text-400": (res) => {
    res.writeHead(400, "Bad", { "content-type": "text/plain", "content-length": "5" });
    res.end("nope!");
  },
  "/api/html-404-streamed": (res) => {
    res.setHeader("content-type", "text/html");
    res.write("<html>");
    res.write("<body>not found</body>");
    res.statusCode = 404; // too late for the first write: headers went with it
    res.end("</html>");
  },
  "/api/html-404": (res) => {
    res.statusCode = 404;
    res.setHeader("content-type", "text/html");
    res.write("<html>");
    res.end("</html>");
  },
  "/api/json-409": (res) => {
    res.writeHead(409, { "content-type": "application/json" });
    res.end('{"error":{"code":"CONFLICT","message":"kept as sent"}}');
  },
  "/api/ok": (res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("fine");
  },
  "/page/db-down": (res) => {
    res.statusCode = 500;
    res.end("Internal Server Error");
  },
  "/page/bad-form": (res) => {
    res.writeHead(500, "Internal Server Error", { "content-type": "text/plain" });
    res.end("x");
  },
  "/page/bad-path": (res) => {
    res.statusCode = 404;
    res.end("not found page");
  },
  "/page/merged": (res) => {
    res.statusCode = 308;
    res.setHeader("location", "/questions/kept");
    res.end();
  },
  "/page/other-308": (res) => {
    res.writeHead(308, { location: "/elsewhere" });
    res.end();
  },
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    if (path.startsWith("/api/")) jsonApiErrors(res);
    else
      correctPageStatus(
        res,
        {
          databaseUnavailable: path === "/page/db-down",
          clientFault: path === "/page/bad-form" ? 400 : undefined,
          movedPermanently: path === "/page/merged",
        } as RequestContext,
        path === "/page/bad-path",
      );
    handlers[path]!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("API errors that are not JSON", () => {
  it.each([
    ["/api/empty-405", 405, "METHOD_NOT_ALLOWED"],
    ["/api/text-400", 400, "VALIDATION"],
    ["/api/html-404", 404, "NOT_FOUND"],
  ])("%s becomes the JSON error shape with its status", async (path, status, code) => {
    const response = await fetch(base + path);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
  });

  it("keeps JSON errors and successful answers as they were written", async () => {
    expect(await (await fetch(`${base}/api/json-409`)).json()).toEqual({
      error: { code: "CONFLICT", message: "kept as sent" },
    });
    expect(await (await fetch(`${base}/api/ok`)).text()).toBe("fine");
  });

  it("leaves an answer whose headers were already sent as a success alone", async () => {
    const response = await fetch(`${base}/api/html-404-streamed`);
    expect(response.status).toBe(200);
  });
});

describe("page statuses", () => {
  it("answers 503 with Retry-After for a page that failed for want of a database", async () => {
    const response = await fetch(`${base}/page/db-down`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
  });

  it("answers the client's fault instead of 500, and 400 for an undecodable path's not-found page", async () => {
    expect((await fetch(`${base}/page/bad-form`)).status).toBe(400);
    expect((await fetch(`${base}/page/bad-path`)).status).toBe(400);
  });

  it("answers 301 for a page that moved for good (a merged question), and leaves other 308s alone", async () => {
    const moved = await fetch(`${base}/page/merged`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/questions/kept");
    const other = await fetch(`${base}/page/other-308`, { redirect: "manual" });
    expect(other.status).toBe(308);
  });
});
