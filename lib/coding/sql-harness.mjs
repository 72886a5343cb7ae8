// The SQL runner's harness: runs a candidate's query against each test's database on one PGlite instance
// (PostgreSQL compiled to WebAssembly) and compares the result set with the expected one. Plain JavaScript
// because it runs as it is in two places: the browser's SQL worker (lib/coding/sql-worker.mjs, served by
// app/sql/[version]/[file]/route.ts) and Node (tests/unit/sql-problems.test.ts), so the tests check this code.
//
// Each test builds its database inside one transaction (`setup`: the problem's tables and rows, then the
// test's own), switches the transaction to read-only, runs the query, and rolls everything back. Values are
// compared as PostgreSQL prints them (every type parsed as text), so 2.50 and 2.5 differ exactly as they
// would in psql. Rows compare in order only when the test says so (the problem asked for an ORDER BY).

const MAX_SHOWN = 4_000;
const MAX_ROWS = 10_000;

/** Every type PGlite knows, parsed as the text PostgreSQL printed: read once per database. */
export async function textParsers(db) {
  const { rows } = await db.query("select oid::int as oid from pg_type");
  return Object.fromEntries(rows.map(({ oid }) => [oid, (value) => value]));
}

/** The query as one statement: trailing semicolons and blanks removed. Empty when nothing is left. */
export function singleStatement(source) {
  return String(source)
    .replace(/(?:\s|;|--[^\n]*(?:\n|$))+$/u, "")
    .trim();
}

function sortRows(rows) {
  return rows.map((row) => JSON.stringify(row)).sort();
}

function sameRows(expected, actual, ordered) {
  if (expected.length !== actual.length) return false;
  const a = ordered ? expected.map((r) => JSON.stringify(r)) : sortRows(expected);
  const b = ordered ? actual.map((r) => JSON.stringify(r)) : sortRows(actual);
  return a.every((row, i) => row === b[i]);
}

/** A result set as a small text table for the results panel (columns aligned, NULL spelled out, long output cut). */
export function showTable(columns, rows) {
  const cells = [columns.map(String), ...rows.map((row) => row.map((v) => (v === null ? "NULL" : String(v))))];
  const widths = columns.map((_, i) => Math.min(40, Math.max(...cells.map((row) => (row[i] ?? "").length))));
  const lines = cells.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join(" | ")
      .trimEnd(),
  );
  if (!rows.length) lines.push("(no rows)");
  const text = lines.join("\n");
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** The line of the query a PostgreSQL error points at (its 1-based character position), or null. */
function lineOf(source, position) {
  const at = Number(position);
  if (!Number.isInteger(at) || at < 1) return null;
  return source.slice(0, at - 1).split("\n").length;
}

function describeError(error, source) {
  const code = typeof error?.code === "string" ? error.code : "";
  let message = String(error?.message ?? error).slice(0, MAX_SHOWN);
  if (/multiple commands into a prepared statement/.test(message))
    message = "Write one statement: a single SELECT (or WITH … SELECT) query.";
  if (code === "25006") message = "The query may only read: the tests' data cannot be changed.";
  return {
    type: code ? `SQL error ${code}` : "SQL error",
    message,
    line: lineOf(source, error?.position),
  };
}

/**
 * Opens a transaction holding a test's database: a fresh `public` schema, `setup` run in it, then read-only
 * so the query under test cannot change it. The caller rolls it back.
 */
export async function prepare(db, setup) {
  await db.exec("rollback"); // whatever the last query left open (a candidate may write COMMIT)
  await db.exec(
    `begin; drop schema if exists public cascade; create schema public; set local search_path = public;\n${setup}\n;set local transaction_read_only = on;`,
  );
}

// A syntax error (or several statements) is the query's, not a test's: reported once, like Python's compile error.
const isSyntaxError = (error) => error?.code === "42601";

/**
 * Runs `source` against every test. Returns the report the Python harness returns too:
 * {compileError, results: [{name, passed, expected, actual, error}], stdout, stderr}.
 */
export async function runSqlTests(db, parsers, source, tests) {
  const query = singleStatement(source);
  const report = { compileError: null, results: [], stdout: "", stderr: "" };
  if (!query) {
    report.compileError = { type: "EmptyQuery", message: "Write a query first.", line: null };
    return report;
  }
  for (const test of tests) {
    const expected = showTable(test.expected.columns, test.expected.rows);
    const result = { name: test.name, passed: false, expected, actual: null, error: null };
    try {
      await prepare(db, test.setup);
    } catch (error) {
      result.error = { type: "SetupError", message: String(error?.message ?? error), line: null };
      report.results.push(result);
      continue;
    }
    try {
      const { fields, rows } = await db.query(query, [], { rowMode: "array", parsers });
      const columns = fields.map((f) => f.name);
      const shown = rows.slice(0, MAX_ROWS);
      result.actual = showTable(columns, shown);
      result.passed =
        rows.length <= MAX_ROWS &&
        columns.length === test.expected.columns.length &&
        sameRows(test.expected.rows, shown, Boolean(test.ordered));
    } catch (error) {
      if (isSyntaxError(error)) {
        report.compileError = describeError(error, query);
        report.results = [];
        await db.exec("rollback").catch(() => undefined);
        return report;
      }
      result.error = describeError(error, query);
    }
    await db.exec("rollback").catch(() => undefined);
    report.results.push(result);
  }
  return report;
}
