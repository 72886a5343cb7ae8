import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIME_LIMIT_MS, type CodeRunner } from "@/lib/coding/runner";
import { nodePythonRunner } from "../support/python";

// One interpreter for the file (loading Pyodide takes about 1.5 s); the time limit test makes its own.
let runner: CodeRunner;
beforeAll(async () => {
  runner = nodePythonRunner();
  await runner.run("", []);
}, 60_000);
afterAll(() => runner.dispose());

const add = [{ name: "adds", call: "add(1, 2)", expected: "3" }];

describe("the Python runner", () => {
  it("reports expected and actual values of a failing test", async () => {
    const report = await runner.run("def add(a, b):\n    return a - b\n", add);
    expect(report.results).toEqual([{ name: "adds", passed: false, expected: "3", actual: "-1", error: null }]);
  });

  it("passes a correct solution and captures what it prints", async () => {
    const report = await runner.run("def add(a, b):\n    print('adding', a, b)\n    return a + b\n", add);
    expect(report.results[0]!.passed).toBe(true);
    expect(report.stdout).toBe("adding 1 2\n");
  });

  it("names the exception and the line of the candidate's code it came from", async () => {
    const report = await runner.run("def add(a, b):\n    x = 1\n    return a + b + {}['missing']\n", add);
    expect(report.results[0]).toMatchObject({
      passed: false,
      error: { type: "KeyError", message: "'missing'", line: 3 },
    });
  });

  it("reports a syntax error with its line and runs no tests", async () => {
    const report = await runner.run("def add(a, b):\n    return a +\n", add);
    expect(report.compileError).toMatchObject({ type: "SyntaxError", line: 2 });
    expect(report.results).toEqual([]);
  });

  it("fails a value whose __eq__ always says yes, at the top or inside a container", async () => {
    const source =
      "class Yes:\n    def __eq__(self, other):\n        return True\n\ndef add(a, b):\n    return Yes()\n";
    const tests = [
      { name: "top", call: "add(1, 2)", expected: "3" },
      { name: "inside", call: "[add(1, 2)]", expected: "[3]" },
      { name: "dict value", call: "{'sum': add(1, 2)}", expected: "{'sum': 3}" },
    ];
    const report = await runner.run(source, tests);
    expect(report.results.map((r) => [r.name, r.passed])).toEqual([
      ["top", false],
      ["inside", false],
      ["dict value", false],
    ]);
  });

  it("compares types strictly at every level, and still passes equal values", async () => {
    const cases: [string, string, boolean][] = [
      ["True", "1", false],
      ["1", "True", false],
      ["1.0", "1", false],
      ["(1, 2)", "[1, 2]", false],
      ["[(1, 2)]", "[[1, 2]]", false],
      ["{1: 'a'}", "{True: 'a'}", false],
      ["{'k': [1]}", "{'k': (1,)}", false],
      ["{1, 2}", "frozenset({1, 2})", false],
      ["{1.0}", "{1}", false],
      ["__import__('collections').OrderedDict(a=1)", "{'a': 1}", true], // a dict subclass is a dict
      ["__import__('collections').defaultdict(list, a=[1])", "{'a': [1]}", true],
      ["__import__('collections').defaultdict(list, a=(1,))", "{'a': [1]}", false],
      ["{'a': 1}", "__import__('collections').OrderedDict(a=1)", false],
      ["[1, 2]", "[1, 2, 3]", false],
      ["{'b': 2, 'a': [1, (2, None)]}", "{'a': [1, (2, None)], 'b': 2}", true],
      ["{frozenset({1}), 'x'}", "{'x', frozenset({1})}", true],
      ["float('1.5')", "1.5", true],
    ];
    const report = await runner.run(
      "",
      cases.map(([call, expected], index) => ({ name: `case ${index}`, call, expected })),
    );
    expect(report.results.map((r, index) => [cases[index]![0], cases[index]![1], r.passed])).toEqual(cases);
  });

  it("stops a performance test's call at its limit: a quadratic answer fails, n log n passes, the rest still runs", async () => {
    const setup = "import random\nrandom.seed(7)\nxs = random.sample(range(10**9), 20_000)";
    const tests = [
      { name: "small", call: "has_duplicate([1, 2, 1])", expected: "True" },
      { name: "large", setup, call: "has_duplicate(xs)", expected: "False", timeLimitMs: 500 },
      { name: "after", call: "has_duplicate([1, 2])", expected: "False" },
    ];
    const quadratic =
      "def has_duplicate(xs):\n    for i in range(len(xs)):\n        for j in range(i + 1, len(xs)):\n            if xs[i] == xs[j]:\n                return True\n    return False\n";
    const linear = "def has_duplicate(xs):\n    return len(set(xs)) < len(xs)\n";
    // A solution that hides the stop in `except Exception` and keeps looping is stopped all the same.
    const stubborn =
      "def has_duplicate(xs):\n    while True:\n        try:\n            sum(range(10))\n        except Exception:\n            pass\n";
    // A loop that stops reading a generator part-way: the stop must not land in the generator's close.
    const generators =
      "def has_duplicate(xs):\n    for i in range(len(xs)):\n        for j in range(i + 1, len(xs)):\n            if next((True for _ in (1, 2)), False) and xs[i] == xs[j]:\n                return True\n    return False\n";
    const started = performance.now();
    const [slow, fast, stuck, lazy] = await Promise.all([
      runner.run(quadratic, tests),
      runner.run(linear, tests),
      runner.run(stubborn, tests.slice(1, 2)),
      runner.run(generators, tests.slice(1, 2)),
    ]);
    expect(slow.timedOut).toBeFalsy();
    expect(slow.results.map((r) => [r.name, r.passed])).toEqual([
      ["small", true],
      ["large", false],
      ["after", true],
    ]);
    expect(slow.results[1]!.error).toMatchObject({
      type: "TimeLimitExceeded",
      message: expect.stringContaining("500 ms"),
    });
    expect(fast.results.every((r) => r.passed)).toBe(true);
    expect(stuck.results[0]).toMatchObject({ passed: false, error: { type: "TimeLimitExceeded" } });
    expect(lazy.results[0]).toMatchObject({ passed: false, error: { type: "TimeLimitExceeded" } });
    expect(lazy.stderr).toBe("");
    expect(performance.now() - started).toBeLessThan(DEFAULT_TIME_LIMIT_MS);
  });

  it("checks raised exceptions by class, including base classes", async () => {
    const tests = [
      { name: "lookup", call: "f()", raises: "LookupError" },
      { name: "wrong", call: "f()", raises: "ValueError" },
      { name: "returns", call: "g()", raises: "ValueError" },
    ];
    const report = await runner.run("def f():\n    return {}['x']\n\ndef g():\n    return 1\n", tests);
    expect(report.results.map((r) => [r.passed, r.actual])).toEqual([
      [true, "raised KeyError: 'x'"],
      [false, "raised KeyError: 'x'"],
      [false, "returned 1"],
    ]);
  });

  it("survives sys.exit() in the candidate's code", async () => {
    const report = await runner.run("import sys\n\ndef add(a, b):\n    sys.exit(2)\n", add);
    expect(report.results[0]).toMatchObject({ passed: false, error: { type: "SystemExit", line: 4 } });
    const again = await runner.run("def add(a, b):\n    return a + b\n", add);
    expect(again.results[0]!.passed).toBe(true);
  });

  it("runs every test in a fresh namespace", async () => {
    const source = "calls = []\n\ndef add(a, b):\n    calls.append(1)\n    return a + b + len(calls) - 1\n";
    const report = await runner.run(source, [...add, { name: "again", call: "add(1, 2)", expected: "3" }]);
    expect(report.results.every((r) => r.passed)).toBe(true);
  });

  it("survives recursion deeper than the stack: says so, and the next run is on a fresh interpreter", async () => {
    // Python's own limit raised far above what any engine's stack holds, so the stack runs out first on each
    // (Node 20's stack ran out at depth 3,000 under the default limit; Node 24's holds that and Python said so).
    const deep = [{ name: "deep", call: "depth(200000)", expected: "200000" }];
    const cached =
      "import functools, sys\nsys.setrecursionlimit(1_000_000)\n@functools.cache\ndef depth(n):\n    return 0 if n == 0 else depth(n - 1) + 1\n";
    const report = await runner.run(cached, deep);
    expect(report.results[0]).toMatchObject({ passed: false, error: { type: "RunnerError" } });
    expect(report.results[0]!.error!.message).toMatch(/recursed deeper than this browser's stack/);
    // Before, the interpreter kept a broken recursion count: every later recursive call raised RecursionError.
    const plain = "def depth(n):\n    return 0 if n == 0 else depth(n - 1) + 1\n";
    const next = await runner.run(plain, [{ name: "shallow", call: "depth(500)", expected: "500" }]);
    expect(next.results[0]).toMatchObject({ passed: true });
  }, 60_000);

  it("stops an infinite loop within the limit plus one second and then runs again", async () => {
    const limited = nodePythonRunner(); // the default limit, 5 s, as in the browser
    try {
      await limited.run("", []);
      const started = Date.now();
      const report = await limited.run("def add(a, b):\n    while True:\n        pass\n", add);
      const elapsed = Date.now() - started;
      expect(report.timedOut).toBe(true);
      expect(report.results[0]).toMatchObject({
        passed: false,
        error: { type: "TimeLimitExceeded", message: "Time limit exceeded (5 s)" },
      });
      expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_TIME_LIMIT_MS);
      expect(elapsed).toBeLessThan(DEFAULT_TIME_LIMIT_MS + 1_000);
      const next = await limited.run("def add(a, b):\n    return a + b\n", add);
      expect(next.results[0]!.passed).toBe(true);
    } finally {
      limited.dispose();
    }
  }, 60_000);
});
