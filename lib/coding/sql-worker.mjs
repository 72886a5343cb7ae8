// The SQL runner's worker: starts PGlite (PostgreSQL 17 compiled to WebAssembly) once, then answers run
// requests with sql-harness.mjs's report. The same protocol as the Python worker (lib/coding/runner.ts):
// - the browser, as a module Web Worker served by app/sql/[version]/[file]/route.ts beside PGlite's own
//   files (so "./index.js" and "./sql-harness.mjs" are siblings of this URL);
// - Node (tests), as a worker_thread, with PGlite from node_modules.
// A query that runs too long is ended by terminating this worker (lib/coding/runner.ts).
//
// Messages in:  { type: "run", id, source, tests }   (tests: SQL tests, each with the setup of its database)
// Messages out: { type: "progress", phase, loaded, total } · { type: "ready", loadMs }
//               { type: "result", id, report, ms } · { type: "failed", id?, message }

const inNode =
  typeof process !== "undefined" && Boolean(process.versions?.node) && typeof WorkerGlobalScope === "undefined";

async function connect() {
  if (inNode) {
    const { parentPort } = await import("node:worker_threads");
    return {
      post: (message) => parentPort.postMessage(message),
      listen: (handler) => parentPort.on("message", handler),
    };
  }
  return {
    post: (message) => self.postMessage(message),
    listen: (handler) => self.addEventListener("message", (event) => handler(event.data)),
  };
}

// PGlite's runtime, its initdb and its file system bundle (bytes, uncompressed): the bar's denominator until
// the responses announce their own sizes. Only a hint; the route sends the exact sizes.
const EXPECTED_DOWNLOAD = 16_100_000;
const FILES = ["pglite.wasm", "initdb.wasm", "pglite.data"];

/** The three large files, counted as they stream in for the "Loading PostgreSQL… x%" bar. */
async function download(base, post) {
  const sizes = new Map();
  let loaded = 0;
  const total = () =>
    Math.max(
      EXPECTED_DOWNLOAD,
      [...sizes.values()].reduce((a, b) => a + b, 0),
    );
  return Promise.all(
    FILES.map(async (name) => {
      const response = await fetch(base + name);
      if (!response.ok || !response.body) throw new Error(`${name}: HTTP ${response.status}`);
      sizes.set(name, Number(response.headers.get("x-uncompressed-length") ?? 0));
      const chunks = [];
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        post({ type: "progress", phase: "download", loaded, total: total() });
      }
      return new Blob(chunks);
    }),
  );
}

async function load(post) {
  if (inNode) {
    const [{ PGlite }, harness] = await Promise.all([import("@electric-sql/pglite"), import("./sql-harness.mjs")]);
    return { db: await PGlite.create(), harness };
  }
  const base = new URL("./.", import.meta.url).href;
  const [{ PGlite }, harness, [wasm, initdb, data]] = await Promise.all([
    import(base + "index.js"),
    import(base + "sql-harness.mjs"),
    download(base, post),
  ]);
  post({ type: "progress", phase: "start", loaded: 1, total: 1 });
  const [pgliteWasmModule, initdbWasmModule] = await Promise.all([
    WebAssembly.compile(await wasm.arrayBuffer()),
    WebAssembly.compile(await initdb.arrayBuffer()),
  ]);
  const db = await PGlite.create({ pgliteWasmModule, initdbWasmModule, fsBundle: data });
  return { db, harness };
}

const port = await connect();
const started = performance.now();
let run = null;
const queue = [];

async function handle(message) {
  if (!message || message.type !== "run") return;
  const begun = performance.now();
  try {
    const report = await run(String(message.source), message.tests);
    port.post({ type: "result", id: message.id, report, ms: Math.round(performance.now() - begun) });
  } catch (error) {
    port.post({ type: "failed", id: message.id, message: String(error?.message ?? error).slice(-2000) });
  }
}

// Runs are handled one at a time, in order: they share one database.
let chain = Promise.resolve();
port.listen((message) => {
  if (!run) queue.push(message);
  else chain = chain.then(() => handle(message));
});

try {
  const { db, harness } = await load(port.post);
  const parsers = await harness.textParsers(db);
  run = (source, tests) => harness.runSqlTests(db, parsers, source, tests);
  port.post({ type: "ready", loadMs: Math.round(performance.now() - started) });
  for (const message of queue.splice(0)) chain = chain.then(() => handle(message));
} catch (error) {
  port.post({
    type: "failed",
    message: `PostgreSQL could not start: ${String(error?.message ?? error).slice(0, 500)}`,
  });
}
