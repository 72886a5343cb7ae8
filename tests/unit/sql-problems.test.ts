// The SQL problems in seed/problems, checked on PGlite (the PostgreSQL the browser runs) through the very
// harness the browser's SQL worker uses: every reference query passes every test, and the starter and every
// recorded wrong query fail at least one (so the tests are shown to catch the mistakes candidates make).
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSqlTests, textParsers, type TextParsers } from "@/lib/coding/sql-harness.mjs";
import { sqlSetup } from "@/lib/coding/sql-setup";
import type { SqlTest } from "@/lib/schemas/coding";
import { readProblems } from "@/seed/content";

const seed = path.resolve(__dirname, "../../seed");
const problems = readProblems(seed).flatMap((p) => (p.language === "sql" ? [p] : []));

let db: PGlite;
let parsers: TextParsers;
beforeAll(async () => {
  db = await PGlite.create();
  parsers = await textParsers(db);
}, 60_000);
afterAll(() => db.close());

const testsOf = (problem: (typeof problems)[number]): SqlTest[] =>
  [...problem.visibleTests, ...problem.hiddenTests].map(({ name, data, expected, ordered }) => ({
    name,
    setup: sqlSetup(problem.schema, data),
    expected,
    ...(ordered === undefined ? {} : { ordered }),
  }));

describe("SQL problems", () => {
  it("number at least 12, across difficulties, each with tests, key points and a model answer", () => {
    expect(problems.length).toBeGreaterThanOrEqual(12);
    for (const p of problems) {
      expect([
        p.slug,
        p.visibleTests.length >= 2,
        p.hiddenTests.length >= 2,
        p.wrongSolutions.length >= 3,
        p.modelAnswer.length > 200,
      ]).toEqual([p.slug, true, true, true, true]);
    }
    expect(new Set(problems.map((p) => p.difficulty))).toEqual(new Set(["easy", "medium", "hard"]));
  });

  it.each(problems.map((p) => [p.slug, p] as const))(
    "%s: the reference query passes every test, the starter and each wrong query fail one",
    async (_slug, problem) => {
      const tests = testsOf(problem);
      const reference = await runSqlTests(db, parsers, problem.solution, tests);
      expect(reference.compileError).toBeNull();
      expect(reference.results.filter((r) => !r.passed)).toEqual([]);
      expect(reference.results).toHaveLength(tests.length);
      for (const [name, code] of [
        ["starter", problem.starterCode],
        ...problem.wrongSolutions.map((w) => [w.name, w.code]),
      ] as const) {
        const report = await runSqlTests(db, parsers, code, tests);
        const passedAll = !report.compileError && report.results.every((r) => r.passed);
        expect([name, passedAll]).toEqual([name, false]);
      }
    },
  );
});

describe("the SQL harness", () => {
  const setup = "create table t (id int primary key, v text); insert into t values (1, 'a'), (2, null);";
  const test = (expected: SqlTest["expected"], ordered?: boolean): SqlTest => ({
    name: "t",
    setup,
    expected,
    ...(ordered === undefined ? {} : { ordered }),
  });
  const rows = {
    columns: ["id", "v"],
    rows: [
      ["1", "a"],
      ["2", null],
    ],
  };

  it("compares values as PostgreSQL prints them, NULL as NULL, in order only when asked", async () => {
    const run = (source: string, t: SqlTest) => runSqlTests(db, parsers, source, [t]);
    expect((await run("select id, v from t order by id", test(rows, true))).results[0]!.passed).toBe(true);
    expect((await run("select id, v from t order by id desc", test(rows, true))).results[0]!.passed).toBe(false);
    expect((await run("select id, v from t order by id desc", test(rows))).results[0]!.passed).toBe(true);
    expect((await run("select id, coalesce(v, '') from t", test(rows))).results[0]!.passed).toBe(false);
    expect((await run("select id::numeric(4,1), v from t", test(rows))).results[0]!.passed).toBe(false);
    expect((await run("select id from t", test(rows))).results[0]!.passed).toBe(false);
    const shown = (await run("select id, v from t order by id", test(rows, true))).results[0]!;
    expect(shown.actual).toBe("id | v\n1  | a\n2  | NULL");
  });

  it("reports a syntax error once, with its line, and other errors per test", async () => {
    const syntax = await runSqlTests(db, parsers, "select id,\nfrom t", [test(rows)]);
    expect(syntax.compileError).toMatchObject({ type: "SQL error 42601", line: 2 });
    expect(syntax.results).toEqual([]);
    const missing = await runSqlTests(db, parsers, "select nope from t", [test(rows)]);
    expect(missing.compileError).toBeNull();
    expect(missing.results[0]!.error).toMatchObject({ type: "SQL error 42703" });
    const empty = await runSqlTests(db, parsers, "  ;\n-- nothing\n", [test(rows)]);
    expect(empty.compileError).toMatchObject({ type: "EmptyQuery" });
  });

  it("runs one statement that only reads, and a query that commits or writes cannot touch the next test", async () => {
    const two = await runSqlTests(db, parsers, "select 1; select 2", [test(rows)]);
    expect(two.compileError!.message).toMatch(/one statement/);
    const write = await runSqlTests(db, parsers, "delete from t returning id", [test(rows)]);
    expect(write.results[0]!.error!.message).toMatch(/only read/);
    for (const escape of ["commit", "rollback", "drop table t"]) {
      await runSqlTests(db, parsers, escape, [test(rows)]);
      const after = await runSqlTests(db, parsers, "select id, v from t", [test(rows)]);
      expect([escape, after.results[0]!.passed]).toEqual([escape, true]);
    }
    // A trailing semicolon and comment are fine.
    const trailing = await runSqlTests(db, parsers, "select id, v from t; -- done\n", [test(rows)]);
    expect(trailing.results[0]!.passed).toBe(true);
  });
});
