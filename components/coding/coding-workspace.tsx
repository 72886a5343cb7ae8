"use client";
// The code editor (Python or SQL) with "Run visible tests" and the results panel. Controlled: `value` is the code as
// saved (an interview answer or a practice draft); "" until the user edits, which shows `initialCode`.
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { AnswerEditor } from "@/components/interview/answer-editor";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import type { CodeLanguage, CodeTest, RunReport } from "@/lib/schemas/coding";
import { TestResults } from "./test-results";
import { describeStatus, useCodeRunner } from "./use-code-runner";

type Props = {
  language: CodeLanguage;
  value: string;
  initialCode: string;
  tests: CodeTest[];
  label: string;
  readOnly?: boolean;
  /** Focus the editor when it appears. */
  autoFocus?: boolean;
  onChange: (code: string) => void;
  onBlur?: () => void;
  /** Extra buttons beside "Run visible tests" (reset, reveal). */
  actions?: ReactNode;
};

export function CodingWorkspace({
  language,
  value,
  initialCode,
  tests,
  label,
  readOnly = false,
  autoFocus = false,
  onChange,
  onBlur,
  actions,
}: Props) {
  const { status, run } = useCodeRunner(language);
  const format = useFormat();
  const [touched, setTouched] = useState(false);
  const [report, setReport] = useState<RunReport | null>(null);
  const [running, setRunning] = useState(false);
  const code = value !== "" || touched ? value : initialCode;

  async function runTests() {
    if (running) return;
    setRunning(true);
    try {
      setReport(await run(code, tests));
    } finally {
      setRunning(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void runTests();
    }
  }

  return (
    <div className="space-y-3" onKeyDown={onKeyDown}>
      <AnswerEditor
        value={code}
        language={language}
        label={label}
        readOnly={readOnly}
        autoFocus={autoFocus}
        onChange={(next) => {
          setTouched(true);
          onChange(next);
        }}
        onBlur={onBlur}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => void runTests()} disabled={running} aria-keyshortcuts="Control+Enter">
          {running ? "Running…" : "Run visible tests"}
        </Button>
        {actions}
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {running && status.state === "loading"
            ? `${describeStatus(status, language)} (your tests run as soon as it is ready)`
            : describeStatus(status, language)}
          {status.state === "loading" && status.phase === "download" ? (
            <progress
              className="ml-2 h-2 w-24 align-middle"
              max={100}
              value={status.percent}
              aria-label={language === "sql" ? "PostgreSQL download" : "Python download"}
            />
          ) : null}
        </p>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {language === "sql" ? "PostgreSQL 17 (PGlite)" : "Python 3"} runs in your browser (
        {format.count(tests.length, "visible test")}; 5 s per run). Ctrl+Enter runs the tests.
      </p>
      {report ? <TestResults report={report} heading="Visible tests" /> : null}
    </div>
  );
}
