import "server-only";
// A pool of render workers (Piscina over worker_threads, lib/content/markdown/worker.ts): markdown never renders on
// the server's event loop. Each render has a time limit, counted from the moment a worker starts it
// (the worker stamps it in shared memory); past it the worker is terminated and replaced, which is the
// only way to stop a parser that never yields. A render that waited too long for a worker, or found the
// queue full, is given up at once ("busy"): a page with many texts degrades to plain text instead of
// waiting minutes. Shorter texts go first, so a page's ordinary texts are not held up behind long ones.
// Each worker has its own heap limit, and runs at a lower CPU priority than the server.
import os from "node:os";
import { Piscina, queueOptionsSymbol, type TaskQueue } from "piscina";
import { describeError, logger } from "../../logger";
import type { RenderTask } from "./worker";

/** `renderMs`: from the moment a worker started on the text (0 when none did). */
export type RenderOutcome = ({ html: string } | { fallback: "slow" | "failed" | "busy" }) & { renderMs: number };

export type MarkdownPoolOptions = {
  /** The worker module: lib/content/markdown/worker.ts (with `execArgv: ["--import", "tsx"]`) or its bundle. */
  filename: string;
  execArgv?: string[];
  /** Longest a worker may spend on one text: this, plus `timeLimitMsPerKb` per KB of it. */
  timeLimitMs: number;
  timeLimitMsPerKb: number;
  /** Longest a text waits for a worker before it is shown as plain text. */
  maxWaitMs: number;
  /** Texts waiting at most; one more is shown as plain text at once. */
  maxQueue: number;
  threads: number;
};

export type MarkdownPool = { render(text: string): Promise<RenderOutcome>; destroy(): Promise<void> };

/**
 * A core left to the server, at most four. On two cores that is one worker: a second one held about 100 MB of the
 * server's memory and took the quick benchmark's peak from 361 to 488 MB, past its 500 MB budget in CI with the
 * review page (docs/performance.md, round twenty). There a pathological text holds the others up until its time
 * limit (3 s at most, then it is shown plain and that is kept), not longer than a text waits (`maxWaitMs`).
 */
export const defaultThreads = () => Math.min(4, Math.max(1, os.availableParallelism() - 1));

type Queued = Parameters<TaskQueue["push"]>[0];
const lengthOf = (task: Queued) => (task[queueOptionsSymbol] as { length: number } | null)?.length ?? 0;

/** Piscina's queue, shortest text first (at most `maxQueue` entries: a sorted array is enough). */
class ShortestFirst implements TaskQueue {
  private readonly tasks: Queued[] = [];
  get size() {
    return this.tasks.length;
  }
  push(task: Queued) {
    const length = lengthOf(task);
    let at = this.tasks.length;
    while (at > 0 && lengthOf(this.tasks[at - 1]!) > length) at--;
    this.tasks.splice(at, 0, task);
  }
  shift() {
    return this.tasks.shift() ?? null;
  }
  remove(task: Queued) {
    const at = this.tasks.indexOf(task);
    if (at !== -1) this.tasks.splice(at, 1);
  }
}

export function createMarkdownPool(options: MarkdownPoolOptions): MarkdownPool {
  const pool = new Piscina<RenderTask & { [queueOptionsSymbol]: { length: number } }, string>({
    filename: options.filename,
    execArgv: options.execArgv ?? [],
    // One worker kept warm (Shiki loaded: a page's first texts need not wait); any others start under load and stop
    // after 10 s without work: each holds 70-100 MB, and the server's peak memory had reached its 500 MB budget
    // with two kept for good (docs/performance.md, rounds nineteen and twenty).
    minThreads: 1,
    maxThreads: options.threads,
    maxQueue: options.maxQueue,
    taskQueue: new ShortestFirst(),
    idleTimeout: 10_000,
    niceIncrement: 5,
    // 100 KB of ordinary markdown needs 48-96 MB (a 2,500-row table the most); 200 columns by 250 rows would take 500.
    // Each worker holds 70-100 MB of the server's memory; a young generation of 8 MB (16 before) kept two of them
    // 15-30 MB smaller after rendering the bank's texts, for 10-40% more time on a text's first render
    // (docs/performance.md, round nineteen). Rendered texts are kept, so that time is spent once per text.
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 },
  });
  // A worker that dies (memory limit, or terminated at the time limit) fails its task, which is handled
  // below; Piscina also emits it here, where unhandled it would crash the server.
  pool.on("error", (error: unknown) => logger.warn("markdown worker stopped", describeError(error)));

  async function render(text: string): Promise<RenderOutcome> {
    if (pool.queueSize >= options.maxQueue) return { fallback: "busy", renderMs: 0 };
    const limit = options.timeLimitMs + (options.timeLimitMsPerKb * text.length) / 1024;
    const started = new Float64Array(new SharedArrayBuffer(8));
    const controller = new AbortController();
    const queuedAt = Date.now();
    let gaveUp: "slow" | "busy" | null = null;
    let timer: NodeJS.Timeout;
    const watch = (ms: number) => {
      timer = setTimeout(check, Math.max(1, ms));
      timer.unref();
    };
    function check() {
      const now = Date.now();
      const start = started[0]!;
      if (start === 0 && now - queuedAt >= options.maxWaitMs) gaveUp = "busy";
      else if (start !== 0 && now - start >= limit) gaveUp = "slow";
      else return watch(start === 0 ? Math.min(limit, queuedAt + options.maxWaitMs - now) : start + limit - now);
      controller.abort();
    }
    watch(Math.min(limit, options.maxWaitMs));
    const renderMs = () => (started[0] ? Date.now() - started[0] : 0);
    try {
      const html = await pool.run(
        { text, started, [queueOptionsSymbol]: { length: text.length } },
        { signal: controller.signal },
      );
      return { html, renderMs: renderMs() };
    } catch (error) {
      if (gaveUp) return { fallback: gaveUp, renderMs: renderMs() };
      if (/queue is at limit/i.test(String((error as Error)?.message))) return { fallback: "busy", renderMs: 0 };
      logger.warn("markdown render failed", { ...describeError(error), length: text.length });
      return { fallback: "failed", renderMs: renderMs() };
    } finally {
      clearTimeout(timer!);
    }
  }

  return { render, destroy: () => pool.destroy() };
}
