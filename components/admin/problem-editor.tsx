"use client";
// A coding problem's runnable part in the admin editor (issue #24): the starter, the reference solution, the tests
// (Python's as JSON; a SQL problem's come from seed/problems) and the recorded wrong solutions. "Run all" runs them
// in the browser's runner, as candidates' code runs: the reference must pass every test, the starter and each
// wrong solution must fail at least one. Saving is offered only for the text that passed.
import { FormMessage, type Message } from "@/components/ui/form-message";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { describeStatus, useCodeRunner } from "@/components/coding/use-code-runner";
import { apiFetch } from "@/lib/client/api";
import { fieldErrors } from "@/lib/http/validation";
import type { CodeTest } from "@/lib/schemas/coding";
import {
  editableQuestionSchema,
  saveProblemSchema,
  type EditableQuestion,
  type ProblemFields,
} from "@/lib/schemas/question-editor";
import { FieldError } from "./rubric-editor";

type Wrong = ProblemFields["wrongSolutions"][number];
type Check = { label: string; ok: boolean; detail: string };

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950";
const primary =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function parseTests(text: string): { tests: CodeTest[] | null; error: string | null } {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? { tests: value as CodeTest[], error: null }
      : { tests: null, error: "must be a JSON list of tests" };
  } catch (error) {
    return { tests: null, error: `is not valid JSON: ${(error as Error).message}` };
  }
}

export function ProblemEditor({ question }: { question: EditableQuestion }) {
  const router = useRouter();
  const problem = question.problem!;
  const python = problem.language === "python";
  const { status, run } = useCodeRunner(problem.language);
  const [revision, setRevision] = useState(question.revision);
  const [starter, setStarter] = useState(problem.starterCode);
  const [solution, setSolution] = useState(problem.solution);
  const [visible, setVisible] = useState(pretty(problem.visibleTests));
  const [hidden, setHidden] = useState(pretty(problem.hiddenTests));
  const [wrongs, setWrongs] = useState<Wrong[]>(problem.wrongSolutions);
  const [reason, setReason] = useState("");
  const [checks, setChecks] = useState<{ key: string; list: Check[] } | null>(null);
  const [running, setRunning] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  // A revision saved elsewhere on the page (the question's fields, a restore) arrives as new props: if the code
  // is what this editor loaded, only the revision moves on; if it changed, the editor takes it.
  const [seen, setSeen] = useState(question.revision);
  const [base, setBase] = useState(JSON.stringify(problem));
  if (question.revision > seen) {
    setSeen(question.revision);
    setRevision(question.revision);
    if (JSON.stringify(problem) !== base) {
      setBase(JSON.stringify(problem));
      setStarter(problem.starterCode);
      setSolution(problem.solution);
      setVisible(pretty(problem.visibleTests));
      setHidden(pretty(problem.hiddenTests));
      setWrongs(problem.wrongSolutions);
    }
  }

  const key = useMemo(
    () => JSON.stringify([starter, solution, visible, hidden, wrongs]),
    [starter, solution, visible, hidden, wrongs],
  );
  const passed = checks?.key === key && checks.list.every((c) => c.ok);

  async function runAll() {
    const v = parseTests(visible);
    const h = parseTests(hidden);
    if (!v.tests || !h.tests) {
      setErrors({
        ...(v.error ? { visibleTests: [`Visible tests ${v.error}`] } : {}),
        ...(h.error ? { hiddenTests: [`Hidden tests ${h.error}`] } : {}),
      });
      return;
    }
    setErrors({});
    setRunning(true);
    setMessage(null);
    const tests = [...v.tests, ...h.tests];
    const list: Check[] = [];
    const reference = await run(solution, tests);
    const failed = reference.results.filter((r) => !r.passed);
    list.push({
      label: "The reference solution passes every test",
      ok:
        !reference.compileError &&
        !reference.timedOut &&
        failed.length === 0 &&
        reference.results.length === tests.length,
      detail: reference.compileError
        ? `It does not run: ${reference.compileError.message}`
        : failed.length
          ? `Fails ${failed.map((r) => r.name).join(", ")}`
          : `${tests.length} of ${tests.length} pass`,
    });
    const failsOne = async (label: string, code: string) => {
      const report = await run(code, tests);
      const missed = report.compileError || report.timedOut || report.results.some((r) => !r.passed);
      list.push({
        label,
        ok: Boolean(missed),
        detail: missed
          ? `Fails ${report.compileError ? "to run" : `${report.results.filter((r) => !r.passed).length} test(s)`}, as it should`
          : "Passes every test: the tests do not catch it",
      });
    };
    await failsOne("The starter code fails a test", starter);
    for (const wrong of wrongs) await failsOne(`The wrong solution “${wrong.name}” fails a test`, wrong.code);
    setChecks({ key, list });
    setRunning(false);
  }

  async function save() {
    const body = {
      revision,
      reason,
      starterCode: starter,
      solution,
      wrongSolutions: wrongs,
      ...(python ? { visibleTests: parseTests(visible).tests, hiddenTests: parseTests(hidden).tests } : {}),
    };
    const checked = saveProblemSchema.safeParse(body);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      setMessage({ text: "Some fields need attention: see the messages beside them.", error: true });
      return;
    }
    setSaving(true);
    const result = await apiFetch(`/api/admin/questions/${question.slug}/problem`, {
      method: "PUT",
      body: checked.data,
      schema: editableQuestionSchema,
    });
    setSaving(false);
    if (result.ok) {
      setRevision(result.data.revision);
      setSeen(result.data.revision);
      if (result.data.problem) setBase(JSON.stringify(result.data.problem));
      setReason("");
      setMessage({ text: `Saved as revision ${result.data.history[0]?.number ?? result.data.revision}.` });
      router.refresh();
      return;
    }
    setErrors(result.error.fields);
    setMessage({
      text:
        result.error.status === 409
          ? "Someone saved this question after you opened it. Reload the page to see their version, then run again."
          : result.error.messageOr("Could not save the code. Try again."),
      error: true,
    });
  }

  const error = (name: string) =>
    Object.entries(errors)
      .filter(([k]) => k === name || k.startsWith(`${name}.`))
      .map(([k, m]) => <FieldError key={k} messages={m} />);
  const code = (id: string, label: string, value: string, set: (v: string) => void, rows: number, readOnly = false) => (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        rows={rows}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => set(e.target.value)}
        aria-invalid={Object.keys(errors).some((k) => k.startsWith(id)) ? true : undefined}
        className={`${input} ${readOnly ? "bg-slate-50 dark:bg-slate-900" : ""}`}
      />
      {error(id)}
    </div>
  );

  return (
    <section aria-labelledby="code-heading" className="space-y-4">
      <h2 id="code-heading" className="text-xl font-semibold">
        Code and tests ({python ? "Python" : "SQL"})
      </h2>
      <div className="grid gap-4 lg:grid-cols-2">
        {code("starterCode", "Starter code", starter, setStarter, 8)}
        {code("solution", "Reference solution", solution, setSolution, 8)}
        {code(
          "visibleTests",
          python ? "Visible tests (JSON)" : "Visible tests (from seed/problems, read-only)",
          visible,
          setVisible,
          10,
          !python,
        )}
        {code(
          "hiddenTests",
          python ? "Hidden tests (JSON)" : "Hidden tests (from seed/problems, read-only)",
          hidden,
          setHidden,
          10,
          !python,
        )}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Wrong solutions (each must fail a test)</legend>
        {error("wrongSolutions")}
        {wrongs.map((wrong, i) => (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <div className="grid gap-2 sm:grid-cols-[14rem_1fr_auto]">
              <input
                aria-label={`Wrong solution ${i + 1}: name`}
                value={wrong.name}
                onChange={(e) => setWrongs(wrongs.map((w, j) => (j === i ? { ...w, name: e.target.value } : w)))}
                className={input}
              />
              <input
                aria-label={`Wrong solution ${i + 1}: why it is wrong`}
                value={wrong.why}
                onChange={(e) => setWrongs(wrongs.map((w, j) => (j === i ? { ...w, why: e.target.value } : w)))}
                className={input}
              />
              <button type="button" className={secondary} onClick={() => setWrongs(wrongs.filter((_, j) => j !== i))}>
                Remove
              </button>
            </div>
            <textarea
              aria-label={`Wrong solution ${i + 1}: code`}
              value={wrong.code}
              rows={5}
              spellCheck={false}
              onChange={(e) => setWrongs(wrongs.map((w, j) => (j === i ? { ...w, code: e.target.value } : w)))}
              className={input}
            />
          </div>
        ))}
        <button
          type="button"
          className={secondary}
          disabled={wrongs.length >= 20}
          onClick={() => setWrongs([...wrongs, { name: "", why: "", code: "" }])}
        >
          Add a wrong solution
        </button>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="code-reason" className="block text-sm font-medium">
          What changed, and why
        </label>
        <input
          id="code-reason"
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {describeStatus(status, problem.language)}
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={secondary}
          disabled={running || status.state === "failed"}
          onClick={() => void runAll()}
        >
          {running ? "Running…" : "Run all"}
        </button>
        <button type="button" className={primary} disabled={!passed || saving} onClick={() => void save()}>
          {saving ? "Saving…" : "Save code and tests"}
        </button>
      </div>
      {checks ? (
        <ul aria-label="Run all: results" className="space-y-1 text-sm">
          {checks.list.map((check, i) => (
            <li
              key={i}
              className={check.ok ? "text-emerald-800 dark:text-emerald-300" : "text-rose-700 dark:text-rose-400"}
            >
              <span aria-hidden="true">{check.ok ? "✓ " : "✗ "}</span>
              {check.label}: {check.detail}
              {check.ok ? "" : " (not saved until this passes)"}
            </li>
          ))}
          {checks.key !== key ? <li>Changed since the run: run again before saving.</li> : null}
        </ul>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Run all before saving: the reference must pass every test, the starter and each wrong solution must fail one.
        </p>
      )}
      <FormMessage message={message} />
    </section>
  );
}
