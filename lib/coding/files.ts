import "server-only";
// The files the browser's code runners need, read once and kept in memory: Pyodide's and ours for Python
// (node_modules/pyodide, lib/coding), PGlite's and ours for SQL (node_modules/@electric-sql/pglite/dist,
// lib/coding). An allowlist per runner: nothing else is served.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

type Source = "pyodide" | "pglite" | "runner";
type Entry = { from: Source; type: string; immutable: boolean };

const JS = "text/javascript; charset=utf-8";

export const RUNNER_FILES: Record<string, Entry> = {
  "pyodide.mjs": { from: "pyodide", type: JS, immutable: true },
  "pyodide.asm.mjs": { from: "pyodide", type: JS, immutable: true },
  "pyodide.asm.wasm": { from: "pyodide", type: "application/wasm", immutable: true },
  "python_stdlib.zip": { from: "pyodide", type: "application/zip", immutable: true },
  "pyodide-lock.json": { from: "pyodide", type: "application/json; charset=utf-8", immutable: true },
  // Ours change with the app, not with Pyodide: revalidated by ETag on every load.
  "worker.mjs": { from: "runner", type: JS, immutable: false },
  "harness.py": { from: "runner", type: "text/x-python; charset=utf-8", immutable: false },
};

export const SQL_RUNNER_FILES: Record<string, Entry> = {
  "index.js": { from: "pglite", type: JS, immutable: true },
  "pglite.wasm": { from: "pglite", type: "application/wasm", immutable: true },
  "initdb.wasm": { from: "pglite", type: "application/wasm", immutable: true },
  "pglite.data": { from: "pglite", type: "application/octet-stream", immutable: true },
  "sql-worker.mjs": { from: "runner", type: JS, immutable: false },
  "sql-harness.mjs": { from: "runner", type: JS, immutable: false },
};
/** PGlite's index.js imports chunks named by content hash (chunk-XXXXXXXX.js): any of them, nothing else. */
const PGLITE_CHUNK = /^chunk-[A-Z0-9]{8}\.js$/;

export type RunnerFile = { entry: Entry; body: Buffer; etag: string };

const cache = new Map<string, Promise<RunnerFile>>();

function location(name: string, entry: Entry): string {
  const root = process.cwd(); // every command runs from the repository root (see lib/cli/start.ts)
  if (entry.from === "pyodide") return path.join(root, "node_modules", "pyodide", name);
  if (entry.from === "pglite") return path.join(root, "node_modules", "@electric-sql", "pglite", "dist", name);
  return path.join(root, "lib", "coding", name);
}

async function read(name: string, entry: Entry): Promise<RunnerFile> {
  const body = await fs.readFile(location(name, entry));
  const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { entry, body, etag };
}

function cached(key: string, name: string, entry: Entry): Promise<RunnerFile> {
  let file = cache.get(key);
  if (!file) {
    file = read(name, entry);
    file.catch(() => cache.delete(key));
    cache.set(key, file);
  }
  return file;
}

/** The named file of the Python runner, or null when it is not on the allowlist. */
export function runnerFile(name: string): Promise<RunnerFile> | null {
  const entry = Object.hasOwn(RUNNER_FILES, name) ? RUNNER_FILES[name]! : null;
  return entry ? cached(`python/${name}`, name, entry) : null;
}

/** The named file of the SQL runner, or null when it is not on the allowlist (a missing chunk rejects). */
export function sqlRunnerFile(name: string): Promise<RunnerFile> | null {
  const entry = Object.hasOwn(SQL_RUNNER_FILES, name)
    ? SQL_RUNNER_FILES[name]!
    : PGLITE_CHUNK.test(name)
      ? { from: "pglite" as const, type: JS, immutable: true }
      : null;
  return entry ? cached(`sql/${name}`, name, entry) : null;
}
