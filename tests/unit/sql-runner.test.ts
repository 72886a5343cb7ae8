// The SQL runner as the browser has it, in Node: lib/coding/sql-worker.mjs (PGlite) in a worker_thread behind
// lib/coding/runner.ts, and its files as app/sql/[version]/[file]/route.ts serves them.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/sql/[version]/[file]/route";
import type { CodeRunner } from "@/lib/coding/runner";
import { PGLITE_VERSION, SQL_RUNNER_BASE } from "@/lib/coding/runtime";
import type { SqlTest } from "@/lib/schemas/coding";
import { nodeSqlRunner } from "../support/python";

const test: SqlTest = {
  name: "both rows",
  setup: "create table t (id int primary key); insert into t values (1), (2);",
  expected: { columns: ["id"], rows: [["1"], ["2"]] },
};

describe("the SQL runner", () => {
  let runner: CodeRunner;
  beforeAll(async () => {
    runner = nodeSqlRunner(2_000);
    await runner.run("select 1", []);
  }, 60_000);
  afterAll(() => runner.dispose());

  it("runs a query against each test's database", async () => {
    const report = await runner.run("select id from t order by id", [test, { ...test, name: "again" }]);
    expect(report.results.map((r) => [r.name, r.passed])).toEqual([
      ["both rows", true],
      ["again", true],
    ]);
  });

  it("ends a query that never finishes at the time limit, then runs the next on a fresh PostgreSQL", async () => {
    const endless = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n";
    const report = await runner.run(endless, [test]);
    expect(report.timedOut).toBe(true);
    expect(report.results[0]!.error).toMatchObject({ type: "TimeLimitExceeded" });
    const after = await runner.run("select id from t", [test]);
    expect(after.results[0]!.passed).toBe(true);
  }, 60_000);
});

const get = (version: string, file: string) =>
  GET(new Request(`http://localhost/sql/${version}/${file}`), { params: Promise.resolve({ version, file }) });

describe("the SQL runner's files", () => {
  it("are served under the installed PGlite's version", () => {
    const installed = JSON.parse(
      fs.readFileSync(path.resolve("node_modules/@electric-sql/pglite/package.json"), "utf8"),
    ) as { version: string };
    expect(PGLITE_VERSION).toBe(installed.version);
    expect(SQL_RUNNER_BASE).toBe(`/sql/${installed.version}/`);
  });

  it("serve PGlite's entry point and every chunk it imports, its WebAssembly typed and cached for good", async () => {
    const dist = path.resolve("node_modules/@electric-sql/pglite/dist");
    const seen = new Set<string>();
    const queue = ["index.js"];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const response = await get(PGLITE_VERSION, file);
      expect([file, response.status]).toEqual([file, 200]);
      const text = await response.text();
      expect(text).toBe(fs.readFileSync(path.join(dist, file), "utf8"));
      for (const [, imported] of text.matchAll(/from"\.\/([\w-]+\.js)"/g)) queue.push(imported!);
    }
    expect(seen.size).toBeGreaterThan(3);
    const wasm = await get(PGLITE_VERSION, "pglite.wasm");
    expect(wasm.headers.get("content-type")).toBe("application/wasm");
    expect(wasm.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(wasm.headers.get("content-security-policy")).toContain("'wasm-unsafe-eval'");
    const ours = await get(PGLITE_VERSION, "sql-harness.mjs");
    expect(ours.headers.get("cache-control")).toBe("no-cache");
  });

  it("serve nothing off the allowlist, no chunk that does not exist, nothing under another version", async () => {
    for (const file of ["package.json", "..%2Fpackage.json", "index.cjs", "chunk-ZZZZZZZZ.js", "constructor", "fs"])
      expect([file, (await get(PGLITE_VERSION, file)).status]).toEqual([file, 404]);
    expect((await get("0.4.3", "index.js")).status).toBe(404);
  });
});
