import { afterEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { apiFetch, OFFLINE_MESSAGE, readResponse } from "@/lib/client/api";
import { reviewDueAnswer } from "@/lib/schemas/responses";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("the browser's API helper", () => {
  it("sends JSON and gives back the validated body", async () => {
    const fetch = vi.fn(async () => json({ due: "2026-03-01T09:00:00.000Z", extra: 1 }));
    vi.stubGlobal("fetch", fetch);
    const result = await apiFetch("/api/review/orm", {
      method: "POST",
      body: { rating: "good" },
      schema: reviewDueAnswer,
    });
    expect(result).toEqual({ ok: true, status: 200, data: { due: "2026-03-01T09:00:00.000Z" } });
    expect(fetch).toHaveBeenCalledWith(
      "/api/review/orm",
      expect.objectContaining({
        method: "POST",
        body: '{"rating":"good"}',
        headers: { "content-type": "application/json" },
      }),
    );
  });

  it("maps the error shape to code, message and fields, keeping members beside it", async () => {
    const body = {
      error: { code: "VALIDATION", message: "Check the fields.", fields: { name: ["Too long.", "Also this."] } },
      inProgress: { id: "i1" },
    };
    const result = await readResponse(json(body, 400), reviewDueAnswer);
    if (result.ok) throw new Error("expected a failure");
    expect([result.error.status, result.error.code, result.error.message, result.error.field("name")]).toEqual([
      400,
      "VALIDATION",
      "Check the fields.",
      "Too long.",
    ]);
    expect(result.error.messageOr("fallback")).toBe("Check the fields.");
    expect(result.error.body).toEqual(body);
  });

  it("says a 2xx body that does not match the schema is unexpected, naming the member, never casting it", async () => {
    const result = await readResponse(json({ due: 42 }), reviewDueAnswer);
    if (result.ok) throw new Error("expected a failure");
    expect(result.error.code).toBe("INVALID_RESPONSE");
    expect(result.error.message).toMatch(/due:/);
    expect(result.error.messageOr("Could not save.")).toBe("Could not save.");
  });

  it("tells a network failure (offline, status 0) from an HTTP error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const result = await apiFetch("/api/sets", { method: "POST", body: { name: "x" } });
    if (result.ok) throw new Error("expected a failure");
    expect([result.error.offline, result.error.status, result.error.messageOr("fallback")]).toEqual([
      true,
      0,
      OFFLINE_MESSAGE,
    ]);
  });

  it("rethrows an abort asked for by the caller", async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))),
    );
    await expect(apiFetch("/api/interviews/1", { signal: controller.signal })).rejects.toThrow("aborted");
  });

  it("takes a 204 as success without a body, and validates an empty body against a schema given", async () => {
    expect(await readResponse(new Response(null, { status: 204 }))).toEqual({ ok: true, status: 204, data: undefined });
    const withSchema = await readResponse(new Response(null, { status: 204 }), z.object({ id: z.string() }));
    expect(withSchema.ok ? null : withSchema.error.code).toBe("INVALID_RESPONSE");
  });

  it("reads a non-JSON error body (a proxy's HTML) as an HTTP error without a server message", async () => {
    const result = await readResponse(new Response("<html>Bad gateway</html>", { status: 502 }));
    if (result.ok) throw new Error("expected a failure");
    expect([result.error.status, result.error.code, result.error.fromServer]).toEqual([502, "HTTP_ERROR", false]);
    expect(result.error.messageOr("Could not delete the set.")).toBe("Could not delete the set.");
  });

  it("sends a file as it is, with the JSON content type, and a form without one", async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", fetch);
    const file = new Blob(['{"format":"mockroom-export"}']);
    await apiFetch("/api/me/import", { method: "POST", body: file });
    await apiFetch("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken: "t" }) });
    const [first, second] = (fetch.mock.calls as unknown as [string, RequestInit][]).map(([, init]) => init);
    if (!first || !second) throw new Error("expected two calls");
    expect([first.body, first.headers]).toEqual([file, { "content-type": "application/json" }]);
    expect([second.body instanceof URLSearchParams, second.headers]).toEqual([true, undefined]);
  });
});
