import "server-only";
// The files the Python runner needs, read once from node_modules/pyodide and lib/coding and kept in memory.
// An allowlist: nothing else is served.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

type Entry = { from: "pyodide" | "runner"; type: string; immutable: boolean };

export const RUNNER_FILES: Record<string, Entry> = {
  "pyodide.mjs": { from: "pyodide", type: "text/javascript; charset=utf-8", immutable: true },
  "pyodide.asm.mjs": { from: "pyodide", type: "text/javascript; charset=utf-8", immutable: true },
  "pyodide.asm.wasm": { from: "pyodide", type: "application/wasm", immutable: true },
  "python_stdlib.zip": { from: "pyodide", type: "application/zip", immutable: true },
  "pyodide-lock.json": { from: "pyodide", type: "application/json; charset=utf-8", immutable: true },
  // Ours change with the app, not with Pyodide: revalidated by ETag on every load.
  "worker.mjs": { from: "runner", type: "text/javascript; charset=utf-8", immutable: false },
  "harness.py": { from: "runner", type: "text/x-python; charset=utf-8", immutable: false },
};

export type RunnerFile = { entry: Entry; body: Buffer; etag: string };

const cache = new Map<string, Promise<RunnerFile>>();

function location(name: string, entry: Entry): string {
  const root = process.cwd(); // every command runs from the repository root (see lib/cli/start.ts)
  return entry.from === "pyodide"
    ? path.join(root, "node_modules", "pyodide", name)
    : path.join(root, "lib", "coding", name);
}

async function read(name: string, entry: Entry): Promise<RunnerFile> {
  const body = await fs.readFile(location(name, entry));
  const etag = `"${crypto.createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { entry, body, etag };
}

/** The named file, or null when it is not on the allowlist. */
export function runnerFile(name: string): Promise<RunnerFile> | null {
  const entry = Object.hasOwn(RUNNER_FILES, name) ? RUNNER_FILES[name]! : null;
  if (!entry) return null;
  let file = cache.get(name);
  if (!file) {
    file = read(name, entry);
    file.catch(() => cache.delete(name));
    cache.set(name, file);
  }
  return file;
}
