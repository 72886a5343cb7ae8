// Where the browser finds the Python runner: Pyodide's files and ours, served by the app itself
// (app/python/[version]/[file]/route.ts) so it works offline and under our Content-Security-Policy.
// The version in the path lets Pyodide's files be cached forever; tests/unit/python-files.test.ts checks
// it matches the installed package.
export const PYODIDE_VERSION = "314.0.7";
export const RUNNER_BASE = `/python/${PYODIDE_VERSION}/`;
export const WORKER_URL = `${RUNNER_BASE}worker.mjs`;

/** The worker's own policy (a worker gets the CSP of its script's response, not the page's). */
export const RUNNER_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

// The SQL runner: PGlite's files and ours, served by app/sql/[version]/[file]/route.ts under the same policy.
export const PGLITE_VERSION = "0.6.1";
export const SQL_RUNNER_BASE = `/sql/${PGLITE_VERSION}/`;
export const SQL_WORKER_URL = `${SQL_RUNNER_BASE}sql-worker.mjs`;
