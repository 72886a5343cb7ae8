// Builds the production app only when its sources changed since the last build. The fingerprint covers
// every file the build reads (sources, config, lock file), so a restart with nothing changed skips it.
// The build is Next's output plus the bundled server entry that runs it (lib/cli/serve.ts).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  assembleStandalone,
  bundleServer,
  CONTAINER_ENTRY,
  MARKDOWN_WORKER_BUNDLE,
  SERVER_BUNDLE,
  STANDALONE_DIR,
} from "./serve";
import { isProcessAlive } from "../process";

const INPUTS = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "instrumentation.ts",
  "next.config.ts",
  "tsconfig.json",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["node_modules", ".next", ".data", "generated"]);
const STAMP = path.join(".next", "mockroom-build-fingerprint");

function walk(target: string, files: string[]) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    files.push(target);
    return;
  }
  for (const entry of fs.readdirSync(target)) {
    if (!SKIP.has(entry) && !entry.startsWith(".")) walk(path.join(target, entry), files);
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = crypto.createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

const LOCK = path.join(".data", "build.lock");

function current(fingerprint: string): boolean {
  const previous = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8").trim() : "";
  return (
    previous === fingerprint &&
    [
      path.join(".next", "BUILD_ID"),
      SERVER_BUNDLE,
      MARKDOWN_WORKER_BUNDLE,
      path.join(STANDALONE_DIR, CONTAINER_ENTRY),
    ].every((file) => fs.existsSync(file))
  );
}

/**
 * One build at a time per checkout: several `npm start`s (or tests) at once would otherwise run `next build`
 * into the same folder, which Next refuses. The lock is a directory naming its holder; one left by a process
 * that died is taken over.
 */
function acquireBuildLock(log: (line: string) => void): () => void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 500) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(fs.readFileSync(path.join(LOCK, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
    if (holder && !isProcessAlive(holder)) {
      fs.rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (waited === 0) log("Another process is building the app; waiting for it ...");
    if (waited > 20 * 60_000)
      throw new Error(`Gave up waiting for the build lock ${LOCK} (remove it if no build is running).`);
    Atomics.wait(pause, 0, 0, 500);
  }
}

export function buildIfStale(log: (line: string) => void): { built: boolean; ms: number } {
  const started = Date.now();
  const fingerprint = sourceFingerprint();
  if (current(fingerprint)) return { built: false, ms: Date.now() - started };
  const release = acquireBuildLock(log);
  try {
    if (current(fingerprint)) return { built: false, ms: Date.now() - started }; // built while we waited
    log("Building the production app (only when sources changed) ...");
    const nextBin = require.resolve("next/dist/bin/next");
    const result = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error("next build failed (see above).");
    bundleServer();
    assembleStandalone();
    fs.writeFileSync(STAMP, fingerprint);
    return { built: true, ms: Date.now() - started };
  } finally {
    release();
  }
}
