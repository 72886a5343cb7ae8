import { afterEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { logger } from "@/lib/logger";

type Body = { type: string; text: string } | null;

function call(method: "GET" | "POST", segments: string[], body: Body = null) {
  const headers: Record<string, string> = { "x-mockroom-client-ip": "10.9.8.7" };
  if (body) headers["content-type"] = body.type;
  const request = new Request(`http://localhost/api/auth/${segments.map(encodeURIComponent).join("/")}`, {
    method,
    headers,
    body: body?.text,
  });
  return (method === "GET" ? GET : POST)(request, { params: Promise.resolve({ nextauth: segments }) });
}

const json = (value: unknown): Body => ({ type: "application/json", text: JSON.stringify(value) });
const form = (value: Record<string, string>): Body => ({
  type: "application/x-www-form-urlencoded",
  text: new URLSearchParams(value).toString(),
});

// What next-auth's `_log` would have written at the level the body names: every shape a caller could send.
const bodies: Body[] = [
  json({ level: "error", code: "PAYMENT_SERVICE_DOWN", message: "page the on-call engineer" }),
  json({ level: "warn", code: "x".repeat(15_000) }),
  json({ level: "debug", code: "QUIET" }),
  json({ level: "nonsense", code: "NO_SUCH_LEVEL" }),
  json({ level: "__proto__", code: "PROTO" }),
  json({}),
  form({ level: "error", code: "FORM_ERROR", client: "true" }),
  form({ level: "warn", code: "FORM_WARN" }),
  { type: "text/plain", text: "level=error&code=PLAIN" },
  null,
];

describe("next-auth's client-log action (/api/auth/_log)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is not served: 404 in the API's error shape for every body and method, and nothing reaches the log", async () => {
    const error = vi.spyOn(logger, "error");
    const warn = vi.spyOn(logger, "warn");
    for (const segments of [["_log"], ["_log", "extra"]]) {
      for (const body of bodies) {
        const response = await call("POST", segments, body);
        expect(response.status, `${segments.join("/")} ${body?.text.slice(0, 60)}`).toBe(404);
        expect((await response.json()).error.code).toBe("NOT_FOUND");
      }
      const read = await call("GET", segments);
      expect(read.status).toBe(404);
      expect((await read.json()).error.code).toBe("NOT_FOUND");
    }
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it("leaves next-auth's other actions served", async () => {
    const csrf = await call("GET", ["csrf"]);
    expect(csrf.status).toBe(200);
    expect((await csrf.json()).csrfToken).toMatch(/^[0-9a-f]{64}$/);
    // Without the CSRF token next-auth sends the caller to its sign-out page and signs nobody out.
    const signOut = await call("POST", ["signout"], form({}));
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("location")).toContain("/signout");
  });
});
