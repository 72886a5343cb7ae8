import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/postgres/embedded";

// This file's app modules talk to a server of their own, which the test stops and starts again.
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-outage-"));
fs.chmodSync(stateDir, 0o755);
let server = await startEmbeddedPostgres({ stateDir, name: "pg", log: () => undefined });
await ensureDatabase(server.url("postgres"), "app");
process.env.DATABASE_URL = server.url("app");
const { GET } = await import("@/app/api/health/route");

afterAll(async () => {
  await server.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

async function health(): Promise<number> {
  return (await GET(new Request("http://localhost/api/health"), {})).status;
}

async function eventually(status: number, withinMs: number): Promise<number> {
  const until = Date.now() + withinMs;
  let last = await health();
  while (last !== status && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    last = await health();
  }
  return last;
}

describe("a database outage", () => {
  it("turns health to 503 while it lasts and back to 200 afterwards, without restarting the app", async () => {
    expect(await health()).toBe(200);
    const port = server.port;
    await server.stop();
    expect(await eventually(503, 5_000)).toBe(503);

    server = await startEmbeddedPostgres({ stateDir, name: "pg", log: () => undefined });
    expect(server.port).toBe(port);
    expect(await eventually(200, 10_000)).toBe(200);
  });
});
