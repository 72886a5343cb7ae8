import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrations/runner";
import { ensureDatabase, startEmbeddedPostgres } from "@/lib/db/postgres/embedded";

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-embedded-"));
fs.chmodSync(stateDir, 0o755);
afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("initialises once, keeps data across restarts, reuses a running server and listens on loopback only", async () => {
    const log: string[] = [];
    const first = await startEmbeddedPostgres({ stateDir, name: "pg", log: (l) => log.push(l) });
    expect(first.started).toBe(true);
    expect(fs.statSync(path.join(stateDir, "postgres-password")).mode & 0o777).toBe(0o600);
    await ensureDatabase(first.url("postgres"), "kept");
    await query(first.url("kept"), "create table t (v text); insert into t values ('still here')");
    expect(await query(first.url("postgres"), "show listen_addresses")).toEqual([{ listen_addresses: "127.0.0.1" }]);

    // A second start while the first server runs (as after a SIGKILLed `npm start`) reuses it.
    const again = await startEmbeddedPostgres({ stateDir, name: "pg", log: (l) => log.push(l) });
    expect(again.started).toBe(false);
    expect(again.port).toBe(first.port);
    expect(log.some((l) => l.startsWith("Reusing the embedded PostgreSQL"))).toBe(true);

    await first.stop();
    const restarted = await startEmbeddedPostgres({ stateDir, name: "pg", log: () => undefined });
    expect(restarted.started).toBe(true);
    expect(await query(restarted.url("kept"), "select v from t")).toEqual([{ v: "still here" }]);
    await restarted.stop();
    expect(fs.existsSync(path.join(restarted.dataDir, "postmaster.pid"))).toBe(false);
  });

  it("runs every migration, including the search's trigram and edit-distance extensions", async () => {
    const server = await startEmbeddedPostgres({ stateDir, name: "pg", log: () => undefined });
    try {
      await ensureDatabase(server.url("postgres"), "migrated");
      const { applied } = await migrate({
        databaseUrl: server.url("migrated"),
        dir: path.resolve("prisma/migrations"),
        log: () => undefined,
      });
      expect(applied.length).toBe(fs.readdirSync("prisma/migrations").filter((name) => /^\d{14}_/.test(name)).length);
      const [row] = await query(
        server.url("migrated"),
        "select similarity('middleware', 'middlware') > 0.5 as near, levenshtein('middleware', 'middlware') as edits",
      );
      expect(row).toEqual({ near: true, edits: 1 });
    } finally {
      await server.stop();
    }
  });

  it("refuses the wrong password", async () => {
    const server = await startEmbeddedPostgres({ stateDir, name: "pg", log: () => undefined });
    try {
      const wrong = server.url("postgres").replace(/:[^:@/]+@/, ":wrong@");
      await expect(query(wrong, "select 1")).rejects.toThrow(/password authentication failed/);
    } finally {
      await server.stop();
    }
  });
});

describe("embedded PostgreSQL with a lost password file", () => {
  it("says which file and folder to fix instead of timing out", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-lost-"));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({ stateDir: dir, name: "pg", log: () => undefined });
    await server.stop();
    fs.writeFileSync(path.join(dir, "postgres-password"), "another-password\n");
    const started = Date.now();
    await expect(startEmbeddedPostgres({ stateDir: dir, name: "pg", log: () => undefined })).rejects.toThrow(
      /was created with a different password/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    await new Promise((r) => setTimeout(r, 200)); // the failed start kills its server; let it go
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
