// A test report: each test with pass/fail, expected vs actual, the exception and its line; then output.
// No hooks, so the interview room, the question page and the (server-rendered) review all use it.
import { pluralWord } from "@/lib/format/format";
import type { RunReport, TestResult } from "@/lib/schemas/coding";

export type ShownReport = Pick<RunReport, "compileError" | "stdout" | "stderr" | "timedOut" | "runnerError"> & {
  results: (TestResult & { hidden?: boolean })[];
};

const mono = "font-mono text-xs whitespace-pre-wrap break-words";

function ErrorLine({ error }: { error: NonNullable<TestResult["error"]> }) {
  return (
    <p className={`${mono} text-red-800 dark:text-red-300`}>
      {error.type}: {error.message}
      {error.line ? ` (line ${error.line})` : ""}
    </p>
  );
}

export function TestResults({ report, heading = "Test results" }: { report: ShownReport; heading?: string }) {
  const passed = report.results.filter((r) => r.passed).length;
  return (
    <section aria-label={heading} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="text-sm font-semibold">
        {heading}:{" "}
        <span data-testid="tests-summary">
          {report.compileError
            ? "the code does not compile"
            : `${passed} of ${report.results.length} ${pluralWord(report.results.length, "test")} passed`}
        </span>
      </h3>
      {report.timedOut ? (
        <p className="text-sm font-medium text-red-800 dark:text-red-300">Time limit exceeded: the run was stopped.</p>
      ) : null}
      {report.runnerError && !report.timedOut ? (
        <p className="text-sm text-red-800 dark:text-red-300">{report.runnerError}</p>
      ) : null}
      {report.compileError ? <ErrorLine error={report.compileError} /> : null}
      <ul className="space-y-2">
        {report.results.map((result) => (
          <li
            key={result.name}
            className={`rounded border-l-4 px-3 py-2 ${result.passed ? "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/40" : "border-red-500 bg-red-50 dark:bg-red-950/40"}`}
          >
            <p className="text-sm">
              <span aria-hidden="true">{result.passed ? "✓ " : "✗ "}</span>
              <span className="font-medium">{result.passed ? "Passed" : "Failed"}</span>: {result.name}
              {result.hidden ? (
                <span className="ml-2 rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">hidden</span>
              ) : null}
            </p>
            {!result.passed && (result.expected !== null || result.actual !== null) ? (
              <dl className="mt-1 grid grid-cols-[5rem_1fr] gap-x-2 text-xs">
                <dt className="text-slate-600 dark:text-slate-400">Expected</dt>
                <dd className={mono}>{result.expected ?? "—"}</dd>
                <dt className="text-slate-600 dark:text-slate-400">Actual</dt>
                <dd className={mono}>{result.actual ?? "—"}</dd>
              </dl>
            ) : null}
            {result.error ? <ErrorLine error={result.error} /> : null}
          </li>
        ))}
      </ul>
      {report.stdout ? (
        <div>
          <h4 className="text-xs font-semibold text-slate-600 dark:text-slate-400">Printed output (stdout)</h4>
          <pre className={`${mono} max-h-48 overflow-auto rounded bg-slate-100 p-2 dark:bg-slate-800`}>
            {report.stdout}
          </pre>
        </div>
      ) : null}
      {report.stderr ? (
        <div>
          <h4 className="text-xs font-semibold text-slate-600 dark:text-slate-400">stderr</h4>
          <pre className={`${mono} max-h-48 overflow-auto rounded bg-slate-100 p-2 dark:bg-slate-800`}>
            {report.stderr}
          </pre>
        </div>
      ) : null}
    </section>
  );
}
