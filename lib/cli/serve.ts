// The production server as a child process: lib/server/main.ts bundled to plain JavaScript next to the
// Next build, run by plain Node with a capped heap. Used by `npm start`, the end-to-end tests and the
// benchmark, so all three serve the same way.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSync, type BuildOptions, type Metafile } from "esbuild";

export const SERVER_BUNDLE = path.join(".next", "mockroom", "server.cjs");
/** The markdown render worker (lib/content/markdown/worker.ts) with every package it uses: lib/content/markdown/server.ts loads it. */
export const MARKDOWN_WORKER_BUNDLE = path.join(".next", "mockroom", "markdown-worker.cjs");

/**
 * Node flags of the serving process. V8 let the heap grow towards its default limit before collecting
 * (650-700 MB resident under the full benchmark) while the live heap stayed under 200 MB; with a 256 MB
 * old space the process stays under 400 MB (docs/performance.md). The young generation is capped at 8 MB
 * semi-spaces (V8's default grows them to 16): the quick benchmark's peak RSS went 465-497 -> 435 MB against
 * the 500 MB budget, for about a tenth more CPU on some routes in one run each (round sixteen).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=256", "--max-semi-space-size=8"];

/**
 * glibc gives every thread that allocates an arena of its own and keeps what is freed there; with the markdown
 * workers and libuv's threads that held 40-50 MB more resident memory than two arenas do (the quick benchmark's
 * server: 291 → 246 MB at the start, peak 505 → 468 MB, the same CPU per request; docs/performance.md). Ignored by
 * other C libraries. The container image sets it too (Dockerfile).
 */
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2" };

/**
 * Next's request-scoped APIs. The server bundles include every API route handler (lib/server/api-router.ts),
 * which run outside Next's request context, where these throw.
 */
const REQUEST_SCOPED = ["next/headers", "next/navigation", "next/cache"];

/** What both server bundles share: CommonJS for Node 20, the generated Prisma client's import.meta.url. */
const SERVER_BUILD: BuildOptions = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // `server-only` guards a module from client bundles; these bundles are the server itself.
  alias: { "server-only": "./lib/server/server-only.ts" },
  // The generated Prisma client reads import.meta.url, which CommonJS lacks: give it this file's URL.
  banner: { js: 'const __import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__import_meta_url" },
  metafile: true,
  logLevel: "warning",
};

/**
 * Fails the build when one of the app's bundled modules imports one of Next's request-scoped APIs. Packages
 * inlined into the container's bundle are not the app's: next-auth's module for Next requires next/headers
 * inside its App Router handler, which the app does not call (app/api/auth/[...nextauth]/route.ts).
 */
function refuseRequestScoped(metafile: Metafile | undefined, bundle: string): void {
  for (const [file, input] of Object.entries(metafile?.inputs ?? {})) {
    if (file.startsWith("node_modules/") || file.includes("/node_modules/")) continue;
    const used = input.imports.find((i) =>
      REQUEST_SCOPED.some((name) => i.path === name || i.path.startsWith(`${name}/`) || i.path === `${name}.js`),
    );
    if (used)
      throw new Error(
        `${bundle}: ${file} imports ${used.path}, which only works inside Next's request handling; the server runs every API route handler outside it (lib/server/api-router.ts).`,
      );
  }
}

/**
 * Bundles the server entry (our code inlined, packages left to node_modules) and the markdown render worker
 * (everything inlined: the standalone folder's node_modules hold only what Next's own bundles use). Takes
 * about a second.
 */
export function bundleServer(root = process.cwd()): void {
  const result = buildSync({
    ...SERVER_BUILD,
    absWorkingDir: root,
    entryPoints: ["lib/server/main.ts"],
    outfile: SERVER_BUNDLE,
    packages: "external",
  });
  refuseRequestScoped(result.metafile, SERVER_BUNDLE);
  bundleMarkdownWorker(path.join(root, MARKDOWN_WORKER_BUNDLE), root);
}

export function bundleMarkdownWorker(outfile: string, root = process.cwd()): void {
  buildSync({
    ...SERVER_BUILD,
    absWorkingDir: root,
    entryPoints: ["lib/content/markdown/worker.ts"],
    outfile,
    metafile: false,
  });
}

export const STANDALONE_DIR = path.join(".next", "standalone");
export const CONTAINER_ENTRY = "mockroom.cjs";

/**
 * Completes Next's standalone output (`output: "standalone"`: the server's files and the node_modules they
 * use, traced) into the folder the container image runs: the static files, the migrations, the seed
 * content, and lib/server/container.ts bundled with every package it needs that the trace did not keep.
 */
export function assembleStandalone(root = process.cwd()): void {
  const target = path.join(root, STANDALONE_DIR);
  const copy = (from: string, to: string, filter?: (source: string) => boolean) =>
    fs.cpSync(path.join(root, from), path.join(target, to), { recursive: true, filter });
  copy(".next/static", ".next/static");
  copy(MARKDOWN_WORKER_BUNDLE, MARKDOWN_WORKER_BUNDLE);
  // Piscina lowers its workers' CPU priority through @napi-rs/nice, which it loads only if it is there (an
  // optional dependency with a package per platform): the trace does not follow it.
  const napi = path.join(root, "node_modules", "@napi-rs");
  for (const name of fs.existsSync(napi) ? fs.readdirSync(napi) : [])
    if (name === "nice" || name.startsWith("nice-"))
      copy(`node_modules/@napi-rs/${name}`, `node_modules/@napi-rs/${name}`);
  copy("prisma/migrations", "prisma/migrations");
  copy("seed", "seed", (source) => !source.endsWith(".ts"));
  const result = buildSync({
    ...SERVER_BUILD,
    absWorkingDir: root,
    entryPoints: ["lib/server/container.ts"],
    outfile: path.join(target, CONTAINER_ENTRY),
    // Packages the trace holds whole (and the app shares: one pg, one Prisma runtime); the rest is inlined
    // (the trace keeps only the files Next used, e.g. the ESM half of @prisma/adapter-pg).
    external: ["next", "next/*", "react", "react-dom", "pg", "@prisma/client", "@prisma/client/*", "@node-rs/*"],
  });
  refuseRequestScoped(result.metafile, CONTAINER_ENTRY);
}

export type ServerProcess = { child: ChildProcess; url: string; stop: () => Promise<number | null> };

/**
 * Starts the bundled server with `env` (its whole environment) and resolves once it listens. `stop` sends
 * SIGTERM and resolves with the exit code after in-flight requests finished. `nodeFlags` are added to
 * SERVER_NODE_FLAGS (the benchmark's `--server-flags=`, e.g. `--cpu-prof`).
 */
export function spawnServer(
  env: NodeJS.ProcessEnv,
  options: { silent?: boolean; nodeFlags?: string[] } = {},
): Promise<ServerProcess> {
  const child = fork(path.resolve(SERVER_BUNDLE), [], {
    execArgv: [...SERVER_NODE_FLAGS, ...(options.nodeFlags ?? [])],
    env: { ...SERVER_ENV, ...env },
    stdio: options.silent ? ["ignore", "ignore", "inherit", "ipc"] : ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type?: string; url?: string }) => {
      if (message.type !== "ready") return;
      child.off("message", onMessage);
      resolve({ child, url: message.url ?? "", stop });
    };
    child.on("message", onMessage);
    void exited.then((code) => reject(new Error(`the server exited with code ${code} before it was ready`)));
  });
}
