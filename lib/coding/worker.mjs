// The Python runner's worker: loads Pyodide and harness.py once, then answers run requests with the
// harness's report. One file for both places it runs:
// - the browser, as a module Web Worker served by app/python/[version]/[file]/route.ts beside Pyodide's
//   own files (so "./pyodide.mjs" and "./harness.py" are siblings of this URL);
// - Node (tests), as a worker_thread, with Pyodide from node_modules and harness.py from lib/coding.
// The page never waits on a run: a run that takes too long is ended by terminating this worker
// (lib/coding/runner.ts), which is why nothing here needs a way to interrupt Python.
//
// Messages in:  { type: "run", id, source, tests }   (tests: the problem's test objects)
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

/** Counts the bytes of Pyodide's two large files as they stream in, for the "Loading Python… x%" bar. */
function reportDownloads(post) {
  const original = globalThis.fetch;
  const sizes = new Map();
  let loaded = 0;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = String(input instanceof Request ? input.url : input);
    const total = Number(response.headers.get("x-uncompressed-length") ?? 0);
    if (!response.body || !total || !/(pyodide\.asm\.wasm|python_stdlib\.zip)$/.test(url)) return response;
    sizes.set(url, total);
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        post({
          type: "progress",
          phase: "download",
          loaded,
          total: Math.max(
            EXPECTED_DOWNLOAD,
            [...sizes.values()].reduce((a, b) => a + b, 0),
          ),
        });
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

// The wasm runtime and the standard library together (bytes, uncompressed): the bar's denominator until both
// responses have announced their own sizes. Only a hint; the route sends the exact sizes.
const EXPECTED_DOWNLOAD = 12_150_000;

async function load(post) {
  if (inNode) {
    const [{ loadPyodide }, fs, path, { createRequire }] = await Promise.all([
      import("pyodide"),
      import("node:fs/promises"),
      import("node:path"),
      import("node:module"),
    ]);
    const harness = await fs.readFile(new URL("./harness.py", import.meta.url), "utf8");
    // Explicit: Pyodide guesses its folder from stack traces, which source-mapping loaders (tsx) rewrite.
    const indexURL = path.dirname(createRequire(import.meta.url).resolve("pyodide/package.json")) + path.sep;
    return { pyodide: await loadPyodide({ indexURL, stdout: () => undefined, stderr: () => undefined }), harness };
  }
  reportDownloads(post);
  const base = new URL("./.", import.meta.url).href;
  const [{ loadPyodide }, harness] = await Promise.all([
    import(base + "pyodide.mjs"),
    fetch(base + "harness.py").then((r) =>
      r.ok ? r.text() : Promise.reject(new Error(`harness.py: HTTP ${r.status}`)),
    ),
  ]);
  const pyodide = await loadPyodide({ indexURL: base, stdout: () => undefined, stderr: () => undefined });
  return { pyodide, harness };
}

const port = await connect();
const started = performance.now();
let runTests = null;
const queue = [];

async function handle(message) {
  if (!message || message.type !== "run") return;
  const begun = performance.now();
  try {
    const report = JSON.parse(runTests(String(message.source), JSON.stringify(message.tests)));
    port.post({ type: "result", id: message.id, report, ms: Math.round(performance.now() - begun) });
  } catch (error) {
    port.post({ type: "failed", id: message.id, message: String(error?.message ?? error).slice(-2000) });
  }
}

port.listen((message) => (runTests ? void handle(message) : queue.push(message)));

try {
  const { pyodide, harness } = await load(port.post);
  port.post({ type: "progress", phase: "start", loaded: 1, total: 1 });
  // input() has no one to ask: it raises EOFError instead of blocking the worker.
  pyodide.setStdin({ error: true });
  pyodide.FS.writeFile("/home/pyodide/mockroom_harness.py", harness);
  runTests = pyodide.pyimport("mockroom_harness").run_tests;
  port.post({ type: "ready", loadMs: Math.round(performance.now() - started) });
  for (const message of queue.splice(0)) await handle(message);
} catch (error) {
  port.post({ type: "failed", message: `Python could not start: ${String(error?.message ?? error).slice(0, 500)}` });
}
