import net from "node:net";
import { describe, expect, it } from "vitest";

// Point this file's app modules at a port where nothing listens, before they load.
const closedPort = await new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});
process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${closedPort}/mockroom`;
const { GET } = await import("@/app/api/health/route");
const { POST } = await import("@/app/api/auth/register/route");

describe("when the database is unreachable", () => {
  it("health answers 503 with db down", async () => {
    const response = await GET(new Request("http://localhost/api/health"), {});
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "degraded", db: "down" });
  });

  it("a write answers 503 UNAVAILABLE, not 500", async () => {
    const response = await POST(
      new Request("http://localhost/api/auth/register", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "a@example.test", password: "correct horse battery" }),
      }),
      {},
    );
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("UNAVAILABLE");
  });
});
