import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import { E2E_DATABASE_FILE, E2E_LANE, E2E_LANES, laneBaseUrl, laneDatabaseFile } from "./accounts";
import { e2eQuery } from "./db";
import { newEmail, registerViaApi, signInViaApi } from "./helpers";

test("each worker drives its own lane: its server, and that server's database", async ({ request, baseURL }) => {
  const lane = test.info().parallelIndex % E2E_LANES;
  expect(E2E_LANE).toBe(lane);
  expect(baseURL).toBe(laneBaseUrl(lane));
  expect(E2E_DATABASE_FILE).toBe(laneDatabaseFile(lane));
  // An account registered through this lane's server is in the database this lane's tests read, and in no other.
  const email = newEmail("lane");
  await registerViaApi(request, email);
  expect(await e2eQuery(`select 1 from "User" where email = $1`, [email])).toHaveLength(1);
  for (let other = 0; other < E2E_LANES; other++) {
    if (other === lane) continue;
    const url = fs.readFileSync(laneDatabaseFile(other), "utf8").trim();
    expect(url).not.toBe(fs.readFileSync(E2E_DATABASE_FILE, "utf8").trim());
  }
});

test("health reports the database and the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", db: "ok", version: expect.any(String) });
});

test("every response carries the security headers and a request id", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/api/health", "/api/openapi.json", "/api/auth/session", "/no-such-page"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-request-id"], path).toMatch(/^[\w-]{8,}$/);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the OpenAPI document is served", async ({ request }) => {
  const document = await (await request.get("/api/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining(["/api/health", "/api/auth/register", "/api/auth/callback/credentials"]),
  );
});

test("bad inputs get the documented error shape over HTTP, never a 500", async ({ request }) => {
  const cases: { body: string; type: string; status: number }[] = [
    { body: '{"email": ', type: "application/json", status: 400 },
    { body: JSON.stringify({ email: ["a"], password: { x: 1 } }), type: "application/json", status: 400 },
    { body: JSON.stringify({}), type: "application/json", status: 400 },
    {
      body: JSON.stringify({ email: "a@b.co", password: "p".repeat(300 * 1024) }),
      type: "application/json",
      status: 413,
    },
    { body: "email=a@b.co", type: "text/plain", status: 415 },
  ];
  for (const c of cases) {
    const response = await request.post("/api/auth/register", { data: c.body, headers: { "content-type": c.type } });
    expect(response.status(), c.body.slice(0, 40)).toBe(c.status);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["error"]);
    expect(typeof body.error.code).toBe("string");
    expect(typeof body.error.message).toBe("string");
  }
});

test("a signed-out session is empty and unknown API paths answer 404", async ({ request }) => {
  expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  expect((await request.get("/api/nothing-here")).status()).toBe(404);
});

// What the HTTP server promises for every API answer (all served by lib/server/api-router.ts, decision 0017),
// checked on the real server.
test.describe("API transport", () => {
  /** A GET with exactly these headers (Playwright's own client always asks for compression). */
  function rawGet(
    baseURL: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get(new URL(path, baseURL), { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on("error", reject);
    });
  }

  // The OpenAPI document: a large read the visitors' page cache does not keep (that cache compresses its own copies).
  test("API reads are gzipped for clients that accept it, and only for those", async ({ baseURL }) => {
    const zipped = await rawGet(baseURL!, "/api/openapi.json", { "accept-encoding": "gzip" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(zlib.gunzipSync(zipped.body).toString()).openapi).toBe("3.1.0");
    const plain = await rawGet(baseURL!, "/api/openapi.json", { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).openapi).toBe("3.1.0");
  });

  test("the request id is the server's unless the client's is a plausible one", async ({ request }) => {
    const kept = await request.get("/api/ping", { headers: { "x-request-id": "client-chosen-id-123" } });
    expect(kept.headers()["x-request-id"]).toBe("client-chosen-id-123");
    const replaced = await request.get("/api/ping", { headers: { "x-request-id": "<script>" } });
    expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a 204 has no body; a write cut off in the middle of its body saves nothing and the server goes on", async ({
    request,
    baseURL,
  }) => {
    const email = newEmail("path");
    await registerViaApi(request, email);
    await signInViaApi(request, email);
    const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const started = await (
      await request.post("/api/interviews", { data: { company: "deloitte", mode: "practice" } })
    ).json();
    const answerPath = `/api/interviews/${started.id}/answers/${started.questions[0].id}`;
    expect((await request.put(answerPath, { data: { content: "kept", revision: 0 } })).status()).toBe(200);

    const url = new URL(baseURL!);
    const socket = net.connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    const half = '{"content":"half of a';
    socket.write(
      `PUT ${answerPath} HTTP/1.1\r\nHost: ${url.host}\r\nCookie: ${cookie}\r\nOrigin: ${url.origin}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n${half}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();

    await expect.poll(async () => (await request.get("/api/ping")).status()).toBe(200);
    const read = await (await request.get(`/api/interviews/${started.id}`)).json();
    expect(JSON.stringify(read)).toContain('"kept"');
    expect(JSON.stringify(read)).not.toContain("half of a");

    const slug = (await (await request.get("/api/questions")).json()).items[0].slug as string;
    expect(
      (await request.put(`/api/questions/${slug}/note`, { data: { content: "a note", revision: 0 } })).status(),
    ).toBe(200);
    const deleted = await request.delete(`/api/questions/${slug}/note`);
    expect(deleted.status()).toBe(204);
    expect(await deleted.body()).toHaveLength(0);
  });

  test("methods and paths a route does not serve answer as Next's route handlers did", async ({ request }) => {
    const options = await request.fetch("/api/interviews", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers().allow).toBe("GET, HEAD, OPTIONS, POST");
    const head = await request.head("/api/topics");
    expect(head.status()).toBe(200);
    expect(await head.body()).toHaveLength(0);
    const refused = await request.fetch("/api/ping", { method: "DELETE" });
    expect(refused.status()).toBe(405);
    expect(await refused.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    const slash = await request.get("/api/ping/", { maxRedirects: 0 });
    expect(slash.status()).toBe(308);
    expect(slash.headers().location).toBe("/api/ping");
    const unknown = await request.fetch("/api/interviews/nothing/here/at/all", { method: "PATCH" });
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
