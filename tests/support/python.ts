// The Python runner in Node, as the browser has it: lib/coding/worker.mjs in a worker_thread (Pyodide from
// node_modules, the same harness.py) behind lib/coding/runner.ts, time limit and all.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { createPythonRunner, type PythonRunner, type WorkerHandle, type WorkerMessage } from "@/lib/coding/runner";

const WORKER = path.resolve(__dirname, "../../lib/coding/worker.mjs");

export function spawnNodeWorker(): WorkerHandle {
  const worker = new Worker(WORKER);
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    listen(onMessage, onError) {
      worker.on("message", (message: WorkerMessage) => onMessage(message));
      worker.on("error", (error) => onError(error.message));
    },
  };
}

export function nodePythonRunner(timeLimitMs?: number): PythonRunner {
  return createPythonRunner({ spawn: spawnNodeWorker, timeLimitMs });
}
