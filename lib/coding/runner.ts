// A code runner around a worker (lib/coding/worker.mjs for Python, lib/coding/sql-worker.mjs for SQL on
// PGlite; both speak the protocol below): starts the worker once and reuses it, forwards loading
// progress, runs one request at a time, and enforces the time limit the only way that always works on
// code that never yields: terminate the worker, report "Time limit exceeded", and start a fresh one.
// It knows nothing of browsers or Node: `spawn` makes the worker (a Web Worker in the browser, a
// worker_thread in the tests), so the tests exercise this very code.
import type { CodeTest, RunReport, TestResult } from "../schemas/coding";

export const DEFAULT_TIME_LIMIT_MS = 5_000;

export type WorkerHandle = {
  post(message: unknown): void;
  terminate(): void;
  /** Registers the handlers; called once per worker. */
  listen(onMessage: (message: WorkerMessage) => void, onError: (message: string) => void): void;
};

export type WorkerMessage =
  | { type: "progress"; phase: "download" | "start"; loaded: number; total: number }
  | { type: "ready"; loadMs: number }
  | { type: "result"; id: number; report: Omit<RunReport, "ms" | "timedOut">; ms: number }
  | { type: "failed"; id?: number; message: string };

export type RunnerStatus =
  | { state: "loading"; phase: "download" | "start"; percent: number }
  | { state: "ready"; loadMs: number }
  | { state: "running" }
  | { state: "failed"; message: string };

export type CodeRunner = {
  run(source: string, tests: CodeTest[]): Promise<RunReport>;
  status(): RunnerStatus;
  subscribe(listener: (status: RunnerStatus) => void): () => void;
  dispose(): void;
};

type Pending = {
  id: number;
  tests: CodeTest[];
  resolve: (report: RunReport) => void;
  timer?: ReturnType<typeof setTimeout>;
};

/** What a runtime's own failure means for the user; a JavaScript stack overflow is recursion too deep to run here. */
export function runtimeFailure(message: string): string {
  return /maximum call stack size exceeded|too much recursion/i.test(message)
    ? "The code recursed deeper than this browser's stack allows (Python's recursion limit is not reached first " +
        "through a C-level wrapper such as functools.cache): write it with a loop or an explicit stack."
    : message;
}

/** Every test marked failed with the same error: for a timeout or a runtime that could not start. */
export function failedReport(tests: CodeTest[], error: TestResult["error"], extra: Partial<RunReport> = {}): RunReport {
  return {
    compileError: null,
    results: tests.map((t) => ({ name: t.name, passed: false, expected: null, actual: null, error })),
    stdout: "",
    stderr: "",
    ms: 0,
    ...extra,
  };
}

export function createCodeRunner(options: {
  spawn: () => WorkerHandle;
  timeLimitMs?: number;
  /** Named in messages (`${options.name ?? "Python"} could not start.`). */
  name?: string;
}): CodeRunner {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const listeners = new Set<(status: RunnerStatus) => void>();
  let current: RunnerStatus = { state: "loading", phase: "download", percent: 0 };
  let worker: WorkerHandle | null = null;
  let ready: Promise<boolean> = Promise.resolve(false);
  let pending: Pending | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let loadMs = 0;

  const setStatus = (status: RunnerStatus) => {
    current = status;
    for (const listener of listeners) listener(status);
  };

  function start() {
    const handle = options.spawn();
    worker = handle;
    setStatus({ state: "loading", phase: "download", percent: 0 });
    ready = new Promise<boolean>((resolveReady) => {
      handle.listen(
        (message) => {
          if (worker !== handle) return; // a terminated worker's last words
          if (message.type === "progress") {
            setStatus({
              state: "loading",
              phase: message.phase,
              percent: Math.min(100, Math.round((message.loaded / Math.max(1, message.total)) * 100)),
            });
          } else if (message.type === "ready") {
            loadMs = message.loadMs;
            setStatus({ state: "ready", loadMs });
            resolveReady(true);
          } else if (message.type === "result" && pending?.id === message.id) {
            finish({ ...message.report, ms: message.ms });
          } else if (message.type === "failed") {
            if (message.id === undefined) {
              setStatus({ state: "failed", message: message.message });
              resolveReady(false);
            } else if (pending?.id === message.id) {
              const { tests } = pending;
              // The runtime itself failed mid-run (the browser's stack ran out under deep recursion): its state is
              // not to be trusted (Pyodide then raised RecursionError for every later recursive call), so the next
              // run gets a fresh worker, as after a timeout.
              handle.terminate();
              worker = null;
              finish(
                failedReport(
                  tests,
                  { type: "RunnerError", message: runtimeFailure(message.message), line: null },
                  { runnerError: message.message },
                ),
              );
              start();
            }
          }
        },
        (error) => {
          if (worker !== handle) return;
          setStatus({ state: "failed", message: error });
          resolveReady(false);
          if (pending)
            finish(
              failedReport(pending.tests, { type: "RunnerError", message: error, line: null }, { runnerError: error }),
            );
        },
      );
    });
  }

  function finish(report: RunReport) {
    const done = pending;
    pending = null;
    if (!done) return;
    clearTimeout(done.timer);
    if (current.state === "running") setStatus({ state: "ready", loadMs });
    done.resolve(report);
  }

  async function runNow(source: string, tests: CodeTest[]): Promise<RunReport> {
    if (!worker) start();
    if (!(await ready)) {
      const message = current.state === "failed" ? current.message : `${options.name ?? "Python"} could not start.`;
      return failedReport(tests, { type: "RunnerError", message, line: null }, { runnerError: message });
    }
    const id = nextId++;
    const started = Date.now();
    return new Promise<RunReport>((resolve) => {
      pending = { id, tests, resolve };
      pending.timer = setTimeout(() => {
        // The code is busy and never returns to the event loop: only terminating the worker stops it.
        worker?.terminate();
        worker = null;
        const seconds = timeLimitMs / 1000;
        finish(
          failedReport(
            tests,
            { type: "TimeLimitExceeded", message: `Time limit exceeded (${seconds} s)`, line: null },
            {
              timedOut: true,
              ms: Date.now() - started,
            },
          ),
        );
        start(); // a fresh interpreter for the next run, loading while the user reads the result
      }, timeLimitMs);
      setStatus({ state: "running" });
      worker!.post({ type: "run", id, source, tests });
    });
  }

  start();
  return {
    run(source, tests) {
      const result = queue.then(() => runNow(source, tests));
      queue = result.catch(() => undefined);
      return result;
    },
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    dispose() {
      worker?.terminate();
      worker = null;
      listeners.clear();
    },
  };
}
