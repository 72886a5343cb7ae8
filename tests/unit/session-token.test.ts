import crypto from "node:crypto";
import fc from "fast-check";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsOf, clearedSessionCookie, sessionCookieName, sessionTokenFrom } from "@/lib/auth/session-token";

const secret = "unit-secret-unit-secret-unit-secret-0123";
const now = Date.now();
const user = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const sid = () => crypto.randomUUID();

describe("session token claims", () => {
  it("reads the user and sign-in time from a token next-auth issued", async () => {
    const session = sid();
    const token = await encode({
      token: { sub: user(1), sid: session, signedInAt: 1_700_000_000 },
      secret,
      maxAge: 3600,
    });
    expect(await claimsOf(token, secret, now)).toMatchObject({ sub: user(1), sid: session, signedInAt: 1_700_000_000 });
    // A second read (served from the cache) gives the same answer.
    expect((await claimsOf(token, secret, now))?.sub).toBe(user(1));
  });

  it("rejects a token without a session id, as every token issued before sessions had one", async () => {
    const legacy = await encode({ token: { sub: user(1), signedInAt: 1_700_000_000 }, secret, maxAge: 3600 });
    expect(await claimsOf(legacy, secret, now)).toBeNull();
  });

  it("property: a token whose subject or session id is not a UUID is no session", async () => {
    const notUuid = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.uuid()),
      fc.uuid().map((u) => `${u} `),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.tuple(notUuid, fc.uuid()), fc.tuple(fc.uuid(), notUuid)), async ([sub, session]) => {
        const token = await encode({ token: { sub, sid: session } as Record<string, unknown>, secret, maxAge: 3600 });
        expect(await claimsOf(token, secret, now)).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it("rejects a token once it expired, even when its claims were cached", async () => {
    const token = await encode({ token: { sub: user(2), sid: sid() }, secret, maxAge: 60 });
    expect((await claimsOf(token, secret, now))?.sub).toBe(user(2));
    expect(await claimsOf(token, secret, now + 61_000)).toBeNull();
  });

  it("rejects tampered tokens, tokens made with another secret, garbage and oversized values", async () => {
    const token = await encode({ token: { sub: user(3), sid: sid() }, secret, maxAge: 3600 });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await claimsOf(tampered, secret, now)).toBeNull();
    const foreign = await encode({
      token: { sub: user(3), sid: sid() },
      secret: "another-secret-another-secret-another-0",
      maxAge: 3600,
    });
    expect(await claimsOf(foreign, secret, now)).toBeNull();
    expect(await claimsOf("not-a-token", secret, now)).toBeNull();
    expect(await claimsOf("x".repeat(5000), secret, now)).toBeNull();
    expect(await claimsOf(undefined, secret, now)).toBeNull();
  });

  it("rejects a token without a subject", async () => {
    const token = await encode({ token: { name: "nobody", sid: sid() }, secret, maxAge: 3600 });
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

  it("clears the cookie next-auth set, with the same name and flags", () => {
    expect(clearedSessionCookie("http://localhost:3000")).toBe(
      "next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
    );
    expect(clearedSessionCookie("https://mockroom.example")).toBe(
      "__Secure-next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure",
    );
  });
});
