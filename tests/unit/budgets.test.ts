import { describe, expect, it } from "vitest";
import { checkBudgets, type RouteResult } from "../../bench/budgets";

const route = (key: string, over: Partial<RouteResult> = {}): RouteResult => ({
  name: key,
  key,
  connections: 20,
  requests: 1000,
  rps: 1000,
  p50: 5,
  p95: 10,
  p99: 20,
  errors: 0,
  queriesPerRequest: 1,
  peakRssMb: 300,
  ...over,
});
const report = (routes: RouteResult[], extra: Partial<Parameters<typeof checkBudgets>[0]> = {}) =>
  checkBudgets({
    routes,
    autosaveMismatches: 0,
    autosaveChecked: 50,
    firstLoadJsKb: { "/questions": 100, "/interviews/[id]": 200 },
    ...extra,
  });

describe("benchmark budgets", () => {
  it("hold when every figure is inside its budget", () => {
    expect(report([route("baseline"), route("search"), route("list-first"), route("autosave")])).toEqual([]);
  });

  it("flag latency misses as latency, so a known one can be reported without failing", () => {
    const misses = report([route("baseline"), route("search", { p95: 51 }), route("autosave", { p99: 51 })]);
    expect(misses.map((m) => [m.key, m.latency])).toEqual([
      ["search", true],
      ["autosave", true],
    ]);
  });

  it("hold issue 21's budgets on the signed-in paths: latency, and CPU per request against its own figure or the trivial page's", () => {
    const fine = [
      route("baseline"),
      route("page-baseline", { serverCpuMs: 4, dbCpuMs: 1 }),
      route("page-question-signed-in", { p95: 60, serverCpuMs: 10, dbCpuMs: 2 }),
      route("list-cold", { p95: 40, serverCpuMs: 1.5, dbCpuMs: 0.5 }),
      route("notes-search", { p95: 50 }),
      route("page-review", { p95: 80 }),
    ];
    expect(report(fine)).toEqual([]);
    const slow = [
      route("baseline"),
      route("page-baseline", { serverCpuMs: 4, dbCpuMs: 1 }),
      route("page-question-signed-in", { p95: 61, serverCpuMs: 10.1, dbCpuMs: 2 }),
      route("list-cold", { p95: 41, serverCpuMs: 1.6, dbCpuMs: 0.5 }),
      route("notes-search", { p95: 51 }),
      route("page-review", { p95: 81 }),
    ];
    const misses = report(slow);
    expect(misses.map((m) => m.key).sort()).toEqual([
      "list-cold",
      "list-cold",
      "notes-search",
      "page-question-signed-in",
      "page-question-signed-in",
      "page-review",
    ]);
    expect(misses.every((m) => m.latency)).toBe(true);
    expect(misses.find((m) => m.message.includes("× the trivial page"))!.message).toContain(
      "server CPU 10.10 ms a view, 2.52 × the trivial page's 4.00 ms > 2.5 ×",
    );
  });

  it("never treat errors, lost writes, throughput, memory or JavaScript as latency", () => {
    const misses = report(
      [
        route("baseline", { rps: 1000 }),
        route("list-first", { rps: 300 }),
        route("start", { errors: 2, peakRssMb: 501 }),
        route("autosave"),
      ],
      { autosaveMismatches: 1, firstLoadJsKb: { "/questions": 151, "/interviews/[id]": 251 } },
    );
    expect(misses.length).toBe(6);
    expect(misses.every((m) => !m.latency)).toBe(true);
  });

  it("in the quick run only, accept a latency within 1.5 times the same run's baseline", () => {
    const slowHost = [
      route("baseline", { p95: 34 }),
      route("list-first", { p95: 50 }),
      route("list-deep", { p95: 52 }),
      route("search", { p95: 80 }),
    ];
    expect(report(slowHost).map((m) => m.key)).toEqual(["search", "list-first", "list-deep"]);
    const quick = checkBudgets(
      { routes: slowHost, autosaveMismatches: 0, autosaveChecked: 50, firstLoadJsKb: {} },
      { quick: true },
    );
    expect(quick.map((m) => m.message)).toEqual([
      "search: p95 80.0 ms > 50 ms and > 51.0 ms (1.5 × the baseline's 34.0 ms)",
      "list-deep: p95 52.0 ms > 30 ms and > 51.0 ms (1.5 × the baseline's 34.0 ms)",
    ]);
    // A fast baseline changes nothing: the absolute budget is the larger one.
    const fastHost = [route("baseline", { p95: 10 }), route("list-first", { p95: 31 })];
    expect(
      checkBudgets(
        { routes: fastHost, autosaveMismatches: 0, autosaveChecked: 50, firstLoadJsKb: {} },
        { quick: true },
      ).map((m) => m.key),
    ).toEqual(["list-first"]);
  });

  it("judge a route measured again against the baseline measured just before it, for latency and throughput", () => {
    const quick = (routes: RouteResult[]) =>
      checkBudgets({ routes, autosaveMismatches: 0, autosaveChecked: 50, firstLoadJsKb: {} }, { quick: true });
    const first = route("baseline", { p95: 30, rps: 1000 });
    // Slower host later in the run: the second measurement passes against its own moment's floor...
    expect(
      quick([first, route("list-deep", { p95: 60, rps: 350, retried: true, floor: { rps: 800, p95: 42, p99: 60 } })]),
    ).toEqual([]);
    // ...and fails when it is slow against that floor too, or its throughput share is too low.
    expect(
      quick([
        first,
        route("list-deep", { p95: 64, rps: 300, retried: true, floor: { rps: 800, p95: 42, p99: 60 } }),
      ]).map((m) => m.message),
    ).toEqual([
      "list-deep: p95 64.0 ms > 30 ms and > 63.0 ms (1.5 × the baseline's 42.0 ms, measured again just before)",
      "list-deep: 38% of the baseline's throughput < 40%",
    ]);
    // The full run ignores the floor: absolute budgets only.
    expect(
      report([first, route("list-deep", { p95: 60, retried: true, floor: { rps: 800, p95: 42, p99: 60 } })]).map(
        (m) => m.key,
      ),
    ).toEqual(["list-deep"]);
  });

  it("in the quick run, judge a write against a bare durable commit of the same window when the host's disk is the slower floor", () => {
    const quick = (routes: RouteResult[]) =>
      checkBudgets({ routes, autosaveMismatches: 0, autosaveChecked: 50, firstLoadJsKb: {} }, { quick: true });
    const baseline = route("baseline", { p99: 15 });
    // The host stalled every commit for ~100 ms: the saves' tail is the disk's.
    expect(quick([baseline, route("autosave", { p99: 110, commitFloor: { p50: 2, p95: 6, p99: 95 } })])).toEqual([]);
    // A tail the bare commit did not have is the app's: it fails, and says against what.
    expect(
      quick([baseline, route("autosave", { p99: 110, commitFloor: { p50: 2, p95: 6, p99: 60 } })]).map(
        (m) => m.message,
      ),
    ).toEqual([
      "autosave: p99 110.0 ms > 50 ms and > 90.0 ms (1.5 × a bare durable commit's 60.0 ms, in the same window)",
    ]);
    // A quick commit leaves the baseline as the floor, and the full run holds the absolute budget whatever the disk did.
    expect(
      quick([baseline, route("autosave", { p99: 51, commitFloor: { p50: 1, p95: 2, p99: 4 } })]).map((m) => m.key),
    ).toEqual(["autosave"]);
    expect(
      report([baseline, route("autosave", { p99: 110, commitFloor: { p50: 2, p95: 6, p99: 95 } })]).map((m) => m.key),
    ).toEqual(["autosave"]);
  });

  it("fail an autosave run where nothing was acknowledged", () => {
    expect(report([route("autosave")], { autosaveChecked: 0 }).map((m) => m.message)).toEqual([
      "autosave: no write was acknowledged",
    ]);
  });
});
