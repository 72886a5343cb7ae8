import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoute, assertSameOrigin, errorResponse, MAX_BODY_BYTES, readJson, readQuery } from "@/lib/http/api";
import { AppError } from "@/lib/http/errors";
import { findNul } from "@/lib/http/validation";

const schema = z.object({ name: z.string().min(1, "Name is required.") });

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new Request("http://test.local/api/x", { method: "POST", body, headers });
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
}

describe("readJson", () => {
  it("returns the parsed, validated body", async () => {
    expect(await readJson(post(JSON.stringify({ name: "Ada" })), schema)).toEqual({ name: "Ada" });
  });

  it("answers VALIDATION for malformed JSON", async () => {
    const error = await errorOf(readJson(post("{not json"), schema));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toBe("The request body is not valid JSON.");
  });

  it("answers VALIDATION, not a database or server error, when the client leaves in the middle of the body", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":"Ad'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    const error = await errorOf(readJson(request, schema));
    expect(error.status).toBe(400);
    expect(error.message).toBe("The request body ended before it was complete.");
  });

  it("answers VALIDATION with field messages for the wrong shape", async () => {
    const error = await errorOf(readJson(post(JSON.stringify({ name: "" })), schema));
    expect(error.status).toBe(400);
    expect(error.fields).toEqual({ name: ["Name is required."] });
  });

  it("refuses bodies over the limit even without a Content-Length", async () => {
    const big = JSON.stringify({ name: "x".repeat(MAX_BODY_BYTES) });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const request = new Request("http://test.local/api/x", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    const error = await errorOf(readJson(request, schema));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.status).toBe(413);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) });
    expect((await errorOf(readJson(request, schema))).status).toBe(413);
  });

  it("refuses a body that is not declared as JSON", async () => {
    const error = await errorOf(
      readJson(post("name=Ada", { "content-type": "application/x-www-form-urlencoded" }), schema),
    );
    expect(error.status).toBe(415);
  });
});

describe("readQuery", () => {
  it("validates search parameters and keeps repeated keys as arrays", () => {
    const query = z.object({ tag: z.array(z.string()).or(z.string()), limit: z.coerce.number().max(100) });
    expect(readQuery(new Request("http://t/x?tag=a&tag=b&limit=5"), query)).toEqual({ tag: ["a", "b"], limit: 5 });
    expect(() => readQuery(new Request("http://t/x?tag=a&limit=500"), query)).toThrowError(AppError);
  });
});

describe("error responses", () => {
  it("maps AppError codes to status, body and Retry-After", async () => {
    const response = errorResponse(
      new AppError("RATE_LIMITED", "Slow down.", { retryAfter: 12.2 }),
      new Request("http://t/"),
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("13");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Slow down." } });
  });

  it("hides unexpected errors behind a 500 that names the request id", async () => {
    const request = new Request("http://t/api/x", { headers: { "x-request-id": "req-12345678" } });
    const response = errorResponse(new Error("secret SQL detail"), request);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).toContain("req-12345678");
    expect(JSON.stringify(body)).not.toContain("secret SQL detail");
  });

  it("answers 503 when the database is unreachable", async () => {
    const outage = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const response = errorResponse(outage, new Request("http://t/"));
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("UNAVAILABLE");
  });

  it("apiRoute turns a thrown AppError into its JSON answer", async () => {
    const handler = apiRoute(async () => {
      throw new AppError("NOT_FOUND", "No such interview.");
    });
    const response = await handler(new Request("http://t/"), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such interview." } });
  });
});

describe("NUL characters (PostgreSQL cannot store U+0000)", () => {
  const nested = z.object({ a: z.array(z.object({ text: z.string() })) });
  it.each([
    [{ name: "a\u0000b" }, "name"],
    [{ a: [{ text: "ok" }, { text: "\u0000" }] }, "a.1.text"],
    [{ "k\u0000": "v", name: "x" }, "k\\u0000"],
  ])("refuses %j in a JSON body with the field's path", async (body, path) => {
    const error = await errorOf(readJson(post(JSON.stringify(body)), path.startsWith("a.") ? nested : schema));
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual([path]);
  });

  it("finds NUL in any string or key of a generated document, wherever it sits", async () => {
    const fc = await import("fast-check");
    /** The document with a NUL put into its n-th string (a key or a value), or null when it has none. */
    const poison = (value: unknown, n: number): unknown => {
      let seen = 0;
      const total = (function count(v: unknown): number {
        if (typeof v === "string") return 1;
        if (Array.isArray(v)) return v.reduce<number>((sum, x) => sum + count(x), 0);
        if (v && typeof v === "object") return Object.entries(v).reduce<number>((sum, [, x]) => sum + 1 + count(x), 0);
        return 0;
      })(value);
      if (!total) return null;
      const target = n % total;
      const walk = (v: unknown): unknown => {
        if (typeof v === "string") return seen++ === target ? v + "\u0000" : v;
        if (Array.isArray(v)) return v.map(walk);
        if (v && typeof v === "object")
          return Object.fromEntries(Object.entries(v).map(([k, x]) => [seen++ === target ? "\u0000" + k : k, walk(x)]));
        return v;
      };
      return walk(value);
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, n) => {
        expect(findNul(value)).toBeNull();
        const poisoned = poison(value, n);
        return poisoned === null || findNul(poisoned) !== null;
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("refuses NUL in a query parameter", () => {
    const request = new Request("http://test.local/api/x?name=a%00b");
    expect(() => readQuery(request, schema)).toThrow(AppError);
  });

  it("walks a deeply nested document without overflowing the stack", () => {
    const deep = JSON.parse("[".repeat(50_000) + '"\\u0000"' + "]".repeat(50_000)) as unknown;
    expect(findNul(deep)).toMatch(/^0(\.0)+$/);
  });
});

describe("assertSameOrigin (TRUST_PROXY unset)", () => {
  const write = (headers: Record<string, string>) =>
    new Request("http://mockroom.example/api/sets", { method: "POST", headers });
  const refused = (headers: Record<string, string>) => {
    try {
      assertSameOrigin(write(headers));
      return false;
    } catch (error) {
      expect((error as AppError).status).toBe(403);
      return true;
    }
  };

  it("refuses another site's page even when the request names that site in X-Forwarded-Host", () => {
    expect(
      refused({ host: "mockroom.example", origin: "https://evil.example", "x-forwarded-host": "evil.example" }),
    ).toBe(true);
    expect(
      refused({ host: "mockroom.example", origin: "https://mockroom.example", "x-forwarded-host": "evil.example" }),
    ).toBe(false);
  });

  it("property: whatever X-Forwarded-Host and X-Forwarded-Proto say, the answer is the one for the Host alone", () => {
    const header = fc.oneof(
      fc.domain(),
      fc.constantFrom("evil.example", "https", "http", "mockroom.example"),
      fc.string({ unit: "grapheme-ascii" }).filter((v) => !/[\r\n\0]/.test(v)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("https", "http"),
        fc.oneof(fc.domain(), fc.constant("mockroom.example")),
        header,
        header,
        (scheme, originHost, forwardedHost, forwardedProto) => {
          const base = { host: "mockroom.example", origin: `${scheme}://${originHost}` };
          expect(refused({ ...base, "x-forwarded-host": forwardedHost, "x-forwarded-proto": forwardedProto })).toBe(
            refused(base),
          );
        },
      ),
    );
  });
});
