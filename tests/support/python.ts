// The code runners in Node, as the browser has them (the SQL one likewise, with sql-worker.mjs): lib/coding/worker.mjs in a worker_thread (Pyodide from
// node_modules, the same harness.py) behind lib/coding/runner.ts, time limit and all.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createCodeRunner, type CodeRunner, type WorkerHandle, type WorkerMessage } from "@/lib/coding/runner";

const WORKER = path.resolve(__dirname, "../../lib/coding/worker.mjs");
const SQL_WORKER = path.resolve(__dirname, "../../lib/coding/sql-worker.mjs");

export function spawnNodeWorker(file = WORKER): WorkerHandle {
  const worker = new Worker(file);
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    listen(onMessage, onError) {
      worker.on("message", (message: WorkerMessage) => onMessage(message));
      worker.on("error", (error) => onError(error.message));
    },
  };
}

export function nodePythonRunner(timeLimitMs?: number): CodeRunner {
  return createCodeRunner({ spawn: () => spawnNodeWorker(), timeLimitMs });
}

/** The SQL runner the same way: lib/coding/sql-worker.mjs (PGlite from node_modules) in a worker_thread. */
export function nodeSqlRunner(timeLimitMs?: number): CodeRunner {
  return createCodeRunner({ spawn: () => spawnNodeWorker(SQL_WORKER), timeLimitMs, name: "PostgreSQL" });
}
