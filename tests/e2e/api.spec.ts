import { expect, test } from "@playwright/test";

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
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/auth/register", "/api/auth/callback/credentials"]));
});

test("bad inputs get the documented error shape over HTTP, never a 500", async ({ request }) => {
  const cases: { body: string; type: string; status: number }[] = [
    { body: "{\"email\": ", type: "application/json", status: 400 },
    { body: JSON.stringify({ email: ["a"], password: { x: 1 } }), type: "application/json", status: 400 },
    { body: JSON.stringify({}), type: "application/json", status: 400 },
    { body: JSON.stringify({ email: "a@b.co", password: "p".repeat(300 * 1024) }), type: "application/json", status: 413 },
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
