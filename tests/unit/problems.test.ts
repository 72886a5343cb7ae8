// The coding problems in seed/problems, checked with the runtime the browser uses (Pyodide and harness.py in
// a worker): every reference solution passes all its tests, every starter and every recorded wrong solution
// fails at least one (so the tests are shown to catch the mistakes candidates make).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeRunner } from "@/lib/coding/runner";
import { readContent, readProblems } from "@/seed/content";
import { nodePythonRunner } from "../support/python";

const seed = path.resolve(__dirname, "../../seed");
const allProblems = readProblems(seed);
// SQL problems have their own checks, on PGlite (tests/unit/sql-problems.test.ts).
const problems = allProblems.flatMap((p) => (p.language === "python" ? [p] : []));

let runner: CodeRunner;
beforeAll(async () => {
  runner = nodePythonRunner();
  await runner.run("", []);
}, 60_000);
afterAll(() => runner.dispose());

describe("coding problems", () => {
  it("load with the rest of the content, with estimates of 10 to 45 minutes", () => {
    expect(readContent(seed).problems.map((p) => p.slug)).toEqual(allProblems.map((p) => p.slug));
    for (const problem of allProblems)
      expect([problem.slug, problem.estimatedMinutes >= 10 && problem.estimatedMinutes <= 45]).toEqual([
        problem.slug,
        true,
      ]);
  });

  it("number at least 40 in Python, each with visible and hidden tests and a model answer", () => {
    expect(problems.length).toBeGreaterThanOrEqual(40);
    for (const p of allProblems) {
      expect([
        p.slug,
        p.visibleTests.length >= 3,
        p.hiddenTests.length >= 3,
        p.keyPoints.length >= 3,
        p.modelAnswer.length > 200,
      ]).toEqual([p.slug, true, true, true, true]);
    }
    expect(new Set(problems.map((p) => p.difficulty))).toEqual(new Set(["easy", "medium", "hard"]));
  });

  it("give every profile that asks for coding problems at least one in its topics", () => {
    for (const company of readContent(seed).companies.filter((c) => c.codingProblems > 0)) {
      const fitting = allProblems.filter((p) => p.topic in company.topicWeights);
      expect([company.slug, fitting.length >= company.codingProblems]).toEqual([company.slug, true]);
    }
  });

  it.each(problems.map((p) => [p.slug, p] as const))(
    "%s: the reference solution passes every test",
    async (_slug, problem) => {
      const report = await runner.run(problem.solution, [...problem.visibleTests, ...problem.hiddenTests]);
      expect(report.compileError).toBeNull();
      expect(report.results.filter((r) => !r.passed)).toEqual([]);
      expect(report.results).toHaveLength(problem.visibleTests.length + problem.hiddenTests.length);
    },
  );

  it("keep at least three plausible wrong solutions each, with distinct names and code", () => {
    for (const p of problems) {
      const codes = new Set([p.solution, p.starterCode, ...p.wrongSolutions.map((w) => w.code)]);
      expect([p.slug, p.wrongSolutions.length >= 3, codes.size]).toEqual([p.slug, true, p.wrongSolutions.length + 2]);
    }
  });

  it.each(problems.flatMap((p) => p.wrongSolutions.map((w) => [`${p.slug}/${w.name}`, p, w.code] as const)))(
    "%s: the wrong solution fails at least one test, without timing out",
    async (_name, problem, code) => {
      // The tests without a time limit first; the performance tests (each may run to its limit) only when those all
      // pass, one run each until one fails: "fails at least one test" either way, without spending a second on a
      // limit it need not reach, and no run holding several limits (on a busy host their sum passed the runner's 5 s).
      const tests = [...problem.visibleTests, ...problem.hiddenTests];
      const timed = tests.filter((t) => t.timeLimitMs !== undefined).map((t) => [t]);
      let failed = 0;
      for (const batch of [tests.filter((t) => t.timeLimitMs === undefined), ...timed]) {
        if (failed || !batch.length) continue;
        const report = await runner.run(code, batch);
        expect(report.timedOut).toBeFalsy();
        expect(report.runnerError).toBeUndefined();
        expect(report.compileError).toBeNull(); // a wrong answer, not a typo: it must run and be caught by a test
        failed = report.results.filter((r) => !r.passed).length;
      }
      expect(failed).toBeGreaterThan(0);
    },
  );

  it.each(problems.map((p) => [p.slug, p] as const))(
    "%s: the starter code fails at least one test",
    async (_slug, problem) => {
      const report = await runner.run(problem.starterCode, [...problem.visibleTests, ...problem.hiddenTests]);
      expect(report.timedOut).toBeFalsy();
      expect(report.compileError !== null || report.results.some((r) => !r.passed)).toBe(true);
    },
  );
});
