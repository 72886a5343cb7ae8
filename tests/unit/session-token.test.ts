import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsOf, sessionCookieName, sessionTokenFrom } from "@/lib/session-token";

const secret = "unit-secret-unit-secret-unit-secret-0123";
const now = Date.now();

describe("session token claims", () => {
  it("reads the user and sign-in time from a token next-auth issued", async () => {
    const token = await encode({ token: { sub: "user-1", signedInAt: 1_700_000_000 }, secret, maxAge: 3600 });
    expect(await claimsOf(token, secret, now)).toMatchObject({ sub: "user-1", signedInAt: 1_700_000_000 });
    // A second read (served from the cache) gives the same answer.
    expect((await claimsOf(token, secret, now))?.sub).toBe("user-1");
  });

  it("rejects a token once it expired, even when its claims were cached", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret, maxAge: 60 });
    expect((await claimsOf(token, secret, now))?.sub).toBe("user-2");
    expect(await claimsOf(token, secret, now + 61_000)).toBeNull();
  });

  it("rejects tampered tokens, tokens made with another secret, garbage and oversized values", async () => {
    const token = await encode({ token: { sub: "user-3" }, secret, maxAge: 3600 });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await claimsOf(tampered, secret, now)).toBeNull();
    const foreign = await encode({ token: { sub: "user-3" }, secret: "another-secret-another-secret-another-0", maxAge: 3600 });
    expect(await claimsOf(foreign, secret, now)).toBeNull();
    expect(await claimsOf("not-a-token", secret, now)).toBeNull();
    expect(await claimsOf("x".repeat(5000), secret, now)).toBeNull();
    expect(await claimsOf(undefined, secret, now)).toBeNull();
  });

  it("rejects a token without a subject", async () => {
    const token = await encode({ token: { name: "nobody" }, secret, maxAge: 3600 });
    expect(await claimsOf(token, secret, now)).toBeNull();
  });

  it("uses the __Secure- cookie on https, as next-auth does", () => {
    expect(sessionCookieName("https://mockroom.example.com")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });

  it("finds the session cookie in a Cookie header, as next/headers would", () => {
    const name = "next-auth.session-token";
    expect(sessionTokenFrom(`theme=dark; ${name}=abc.def; other=1`, "http://localhost:3000")).toBe("abc.def");
    expect(sessionTokenFrom(`${name}=first; ${name}=second`, undefined)).toBe("first");
    expect(sessionTokenFrom(`${name}=a%20b`, undefined)).toBe("a b");
    expect(sessionTokenFrom(`${name}=%E0%A4%A`, undefined)).toBe("%E0%A4%A"); // undecodable: as sent
    expect(sessionTokenFrom(`x${name}=nope; ${name}x=nope`, undefined)).toBeUndefined();
    expect(sessionTokenFrom(`${name}=plain`, "https://mockroom.example")).toBeUndefined(); // https uses __Secure-
    expect(sessionTokenFrom(`__Secure-${name}=s`, "https://mockroom.example")).toBe("s");
    expect(sessionTokenFrom(null, undefined)).toBeUndefined();
  });
});
