"use client";
// The browser's code runners, one per language: created the first time a problem in that language is opened
// (this module is only ever imported lazily), then reused by every workspace on the page and across client
// navigations. Python runs on Pyodide, SQL on PGlite, each in its own Web Worker.
import { createCodeRunner, type CodeRunner, type WorkerHandle } from "@/lib/coding/runner";
import { SQL_WORKER_URL, WORKER_URL } from "@/lib/coding/runtime";
import type { CodeLanguage } from "@/lib/schemas/coding";

const shared = new Map<CodeLanguage, CodeRunner>();

const runtimes = {
  python: { url: WORKER_URL, name: "Python", worker: "mockroom-python" },
  sql: { url: SQL_WORKER_URL, name: "PostgreSQL", worker: "mockroom-sql" },
} as const;

function spawnWebWorker(language: CodeLanguage): WorkerHandle {
  const { url, name, worker: workerName } = runtimes[language];
  const worker = new Worker(url, { type: "module", name: workerName });
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onMessage, onError) {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError(event.message || `The ${name} runner could not start (network or browser error).`);
      };
    },
  };
}

export function sharedRunner(language: CodeLanguage = "python"): CodeRunner {
  let runner = shared.get(language);
  if (!runner) {
    runner = createCodeRunner({ spawn: () => spawnWebWorker(language), name: runtimes[language].name });
    shared.set(language, runner);
  }
  return runner;
}

export const runtimeName = (language: CodeLanguage) => runtimes[language].name;
