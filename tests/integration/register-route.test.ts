import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/register/route";
import { db } from "@/lib/db/client";
import { uniqueEmail } from "../factories";

let ipCounter = 0;
function register(body: unknown, options: { ip?: string; raw?: string; contentType?: string } = {}) {
  return POST(
    new Request("http://localhost/api/auth/register", {
      method: "POST",
      headers: {
        "content-type": options.contentType ?? "application/json",
        "x-mockroom-client-ip": options.ip ?? `10.0.0.${++ipCounter}`,
      },
      body: options.raw ?? JSON.stringify(body),
    }),
    {},
  );
}

describe("POST /api/auth/register", () => {
  it("creates an account with a lower-cased email and answers 201 {id, email}", async () => {
    const email = uniqueEmail("Mixed").replace("mixed", "MiXeD");
    const response = await register({ email, password: "correct horse battery", name: "Ada" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), email: email.toLowerCase() });
    expect(await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { name: true } })).toEqual({
      name: "Ada",
    });
  });

  it("answers 409 for an email that already has an account, in any case", async () => {
    const email = uniqueEmail();
    await register({ email, password: "correct horse battery" });
    const response = await register({ email: email.toUpperCase(), password: "another good password" });
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("CONFLICT");
  });

  it("answers 400 with a message per field", async () => {
    const response = await register({ email: "nope", password: "short", name: 7 });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields).sort()).toEqual(["email", "name", "password"]);
  });

  it.each([
    ["malformed JSON", '{"email":', 400],
    ["a JSON array", "[]", 400],
    ["null", "null", 400],
    ["an empty body", "", 400],
  ])("answers %s with %i, never 500", async (_, raw, status) => {
    const response = await register(undefined, { raw });
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe("VALIDATION");
  });

  it("answers 413 for a body over 256 KB and 415 for a form body", async () => {
    expect((await register({ email: uniqueEmail(), password: "x".repeat(300_000) })).status).toBe(413);
    expect(
      (await register(undefined, { raw: "email=a", contentType: "application/x-www-form-urlencoded" })).status,
    ).toBe(415);
  });

  it("rate-limits one address to 20 attempts an hour with Retry-After", async () => {
    const ip = "203.0.113.9";
    for (let i = 0; i < 20; i++)
      expect((await register({ email: uniqueEmail(), password: "correct horse battery" }, { ip })).status).toBe(201);
    const limited = await register({ email: uniqueEmail(), password: "correct horse battery" }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect((await limited.json()).error.code).toBe("RATE_LIMITED");
  });
});
