import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import packageJson from "@/package.json";

describe("GET /api/health", () => {
  it("answers 200 with db ok and the version", async () => {
    const response = await GET(new Request("http://localhost/api/health"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", version: packageJson.version });
  });
});
