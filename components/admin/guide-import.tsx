"use client";
// Upload a markdown guide, read the dry run's report (or its problems, line by line), then import or cancel.
import Link from "next/link";
import { useId, useState } from "react";
import type * as z from "zod/mini";
import { FilePicker } from "@/components/ui/file-picker";
import { ProblemsAlert } from "./problems-alert";
import { apiFetch } from "@/lib/client/api";
import { guideImportAnswer, guideProblems } from "@/lib/schemas/responses";

const MAX_BYTES = 5 * 1024 * 1024;

type Report = z.infer<typeof guideImportAnswer>;
type Problem = { line: number; message: string };

const primary =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";

const sourceOf = (name: string) =>
  name
    .replace(/\.[^.]+$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

export function GuideImport() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("");
  const [pending, setPending] = useState<"check" | "import" | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setReport(null);
    setProblems(null);
    setError(null);
  }

  async function send(dryRun: boolean) {
    if (!file) return setError("Choose a guide first.");
    if (file.size > MAX_BYTES)
      return setError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; guides over 5 MB are refused.`);
    setPending(dryRun ? "check" : "import");
    setError(null);
    setProblems(null);
    const query = new URLSearchParams({ source: source || sourceOf(file.name) || "guide", dryRun: String(dryRun) });
    const result = await apiFetch(`/api/admin/import?${query}`, {
      method: "POST",
      body: file,
      contentType: "text/markdown; charset=utf-8",
      schema: guideImportAnswer,
    });
    setPending(null);
    if (result.ok) return setReport(result.data);
    setReport(null);
    const listed = guideProblems.safeParse(result.error.body);
    if (listed.success) setProblems(listed.data.problems);
    setError(result.error.field("source") ?? result.error.messageOr("Could not import the guide. Try again."));
  }

  return (
    <div className="space-y-5">
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <div className="space-y-1">
          <span className="block text-sm font-medium">Guide (.md)</span>
          <FilePicker
            id={`${id}-file`}
            buttonLabel="Choose a guide"
            accept=".md,.markdown,text/markdown,text/plain"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              if (chosen) setSource(sourceOf(chosen.name));
              reset();
            }}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-source`} className="block text-sm font-medium">
            Source name
          </label>
          <input
            id={`${id}-source`}
            value={source}
            maxLength={80}
            onChange={(event) => {
              setSource(event.target.value);
              reset();
            }}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
          />
        </div>
        <button type="submit" className={primary} disabled={!file || pending !== null}>
          {pending === "check" ? "Checking…" : "Check the guide"}
        </button>
      </form>
      <ProblemsAlert error={error} problems={problems?.map((p) => `Line ${p.line}: ${p.message}`) ?? null} />
      {report ? (
        <ImportReport
          report={report}
          pending={pending}
          onImport={() => void send(false)}
          onCancel={() => {
            setFile(null);
            reset();
          }}
        />
      ) : null}
    </div>
  );
}

function ImportReport({
  report,
  pending,
  onImport,
  onCancel,
}: {
  report: Report;
  pending: "check" | "import" | null;
  onImport: () => void;
  onCancel: () => void;
}) {
  const verb = report.dryRun ? "would be" : "were";
  const { plan, stats } = report;
  return (
    <section
      aria-labelledby="import-report"
      aria-live="polite"
      className="space-y-3 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
    >
      <h2 id="import-report" className="text-lg font-semibold">
        {report.dryRun ? "Dry run: nothing written yet" : "Imported"}
      </h2>
      <p>
        “{report.title ?? "Untitled"}” (source <code>{report.source}</code>): {stats.topics} topics, {stats.questions}{" "}
        questions ({stats.answered} with answers, {stats.emptyAnswers} with empty answers, {stats.unanswered} without).
        {report.repairedCharacters ? ` Repaired ${report.repairedCharacters} broken characters.` : ""}
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          Topics: {plan.topics.create.length} {verb} created
          {plan.topics.create.length ? ` (${plan.topics.create.join(", ")})` : ""}, {plan.topics.existing.length} exist.
        </li>
        <li>
          Questions: {plan.questions.create} {verb} created, {plan.questions.update} {verb} updated,{" "}
          {plan.questions.unchanged} unchanged.
        </li>
      </ul>
      {report.dryRun ? (
        <div className="flex flex-wrap gap-3">
          <button type="button" className={primary} onClick={onImport} disabled={pending !== null}>
            {pending === "import" ? "Importing…" : "Import it"}
          </button>
          <button type="button" className={secondary} onClick={onCancel} disabled={pending !== null}>
            Cancel
          </button>
        </div>
      ) : (
        <p>
          <Link href="/admin/questions" className="text-brand-700 underline dark:text-brand-100">
            See the questions
          </Link>{" "}
          (imported questions have a rubric derived from their key points, which they get once an admin writes them).
        </p>
      )}
    </section>
  );
}
