"use client";
// The browser's one Python runner: created the first time a coding question is opened (this module is only
// ever imported lazily), then reused by every workspace on the page and across client navigations.
import { createPythonRunner, type PythonRunner, type WorkerHandle } from "@/lib/coding/runner";
import { WORKER_URL } from "@/lib/coding/runtime";

let shared: PythonRunner | null = null;

function spawnWebWorker(): WorkerHandle {
  const worker = new Worker(WORKER_URL, { type: "module", name: "mockroom-python" });
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onMessage, onError) {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(event.message || "The Python runner could not start (network or browser error).");
      };
    },
  };
}

export function sharedRunner(): PythonRunner {
  shared ??= createPythonRunner({ spawn: spawnWebWorker });
  return shared;
}
