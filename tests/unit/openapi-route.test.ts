// GET /api/openapi.json is public: the document is made once per process, not per request (it cost about 60 ms of
// server CPU a request, anyone's to spend).
import { describe, expect, it, vi } from "vitest";

const made = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/http/openapi", async (original) => {
  const real = await original<typeof import("@/lib/http/openapi")>();
  return {
    ...real,
    openApiDocument: () => {
      made.count++;
      return real.openApiDocument();
    },
  };
});
const { GET } = await import("@/app/api/openapi.json/route");

describe("GET /api/openapi.json", () => {
  it("answers the same document every time, made once", async () => {
    const ask = () => GET(new Request("http://localhost/api/openapi.json"), { params: Promise.resolve({}) });
    const first = await ask();
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const text = await first.text();
    expect(JSON.parse(text)).toMatchObject({ openapi: "3.1.0" });
    for (let i = 0; i < 3; i++) expect(await (await ask()).text()).toBe(text);
    expect(made.count).toBe(1);
  });
});
