// Builds the production app only when its sources changed since the last build. The fingerprint covers
// every file the build reads (sources, config, lock file), so a restart with nothing changed skips it.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "types", "public", "proxy.ts", "next.config.ts", "tsconfig.json", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];
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

export function buildIfStale(log: (line: string) => void): { built: boolean; ms: number } {
  const started = Date.now();
  const fingerprint = sourceFingerprint();
  const previous = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8").trim() : "";
  if (previous === fingerprint && fs.existsSync(path.join(".next", "BUILD_ID"))) return { built: false, ms: Date.now() - started };
  log("Building the production app (only when sources changed) ...");
  const nextBin = require.resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  fs.writeFileSync(STAMP, fingerprint);
  return { built: true, ms: Date.now() - started };
}
