"use client";
// Content packs (ADMIN): built-in and installed ones, each to download, disable or enable; a pack file to check (a
// dry run: what it would create, update and archive, or why it cannot be installed) and then install or cancel.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type * as z from "zod/mini";
import { FilePicker } from "@/components/ui/file-picker";
import { ProblemsAlert } from "./problems-alert";
import { apiFetch } from "@/lib/client/api";
import { packAnswer, packPlanAnswer, packProblems } from "@/lib/schemas/responses";

type Plan = z.infer<typeof packPlanAnswer>;
export type PackRow = {
  name: string;
  title: string;
  version: string;
  description: string;
  updatedAt: string;
  disabled: boolean;
  builtIn: boolean;
  installedBy: string | null;
  questions: { live: number; archived: number };
};

const MAX_BYTES = 10 * 1024 * 1024;
const primary =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "inline-flex items-center rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";

export function PackList({ packs, empty }: { packs: PackRow[]; empty: string }) {
  return packs.length ? (
    <ul className="space-y-3">
      {packs.map((pack) => (
        <PackItem key={pack.name} pack={pack} />
      ))}
    </ul>
  ) : (
    <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
  );
}

function PackItem({ pack }: { pack: PackRow }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (
      !pack.disabled &&
      !window.confirm(
        `Disable ${pack.title}? Its ${pack.questions.live} questions leave the bank, search and new interviews until you enable it again; users keep them in their history.`,
      )
    )
      return;
    setPending(true);
    setError(null);
    const result = await apiFetch(`/api/admin/packs/${pack.name}`, {
      method: "PUT",
      body: { disabled: !pack.disabled },
      schema: packAnswer,
    });
    setPending(false);
    if (result.ok) router.refresh();
    else setError(result.error.messageOr("Could not change the pack."));
  }
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800">
      <div className="min-w-60 flex-1 space-y-1">
        <p className="font-medium">
          {pack.title}{" "}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            ({pack.name}, version {pack.version})
          </span>
          {pack.disabled ? (
            <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              disabled
            </span>
          ) : null}
        </p>
        <p className="text-slate-600 dark:text-slate-400">
          {pack.questions.live} live {pack.questions.live === 1 ? "question" : "questions"}
          {pack.questions.archived ? `, ${pack.questions.archived} archived` : ""}
          {pack.builtIn ? " · built in" : pack.installedBy ? ` · installed by ${pack.installedBy}` : ""}
        </p>
        {pack.description ? <p>{pack.description}</p> : null}
        {error ? (
          <p role="alert" className="text-rose-700 dark:text-rose-400">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex gap-2">
        <a href={`/api/admin/packs/${pack.name}`} download className={secondary}>
          Download<span className="sr-only"> {pack.title}</span>
        </a>
        <button type="button" className={secondary} disabled={pending} onClick={() => void toggle()}>
          {pending ? (pack.disabled ? "Enabling…" : "Disabling…") : pack.disabled ? "Enable" : "Disable"}
          <span className="sr-only"> {pack.title}</span>
        </button>
      </div>
    </li>
  );
}

export function PackUpload() {
  const id = useId();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"check" | "install" | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return setError("Choose a pack file first.");
    if (file.size > MAX_BYTES)
      return setError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; packs over 10 MB are refused.`);
    setPending(dryRun ? "check" : "install");
    setError(null);
    setProblems(null);
    const result = await apiFetch(`/api/admin/packs?dryRun=${dryRun}`, {
      method: "POST",
      body: file,
      schema: packPlanAnswer,
    });
    setPending(null);
    if (result.ok) {
      setPlan(result.data);
      if (!dryRun) router.refresh();
      return;
    }
    setPlan(null);
    const listed = packProblems.safeParse(result.error.body);
    if (listed.success) setProblems(listed.data.problems);
    else if (Object.keys(result.error.fields).length)
      setProblems(
        Object.entries(result.error.fields)
          .slice(0, 20)
          .map(([path, messages]) => `${path}: ${messages.join(" ")}`),
      );
    setError(result.error.messageOr("Could not read the pack."));
  }

  const r = plan?.report;
  const verb = plan?.dryRun ? "would be" : "were";
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <h3 id={`${id}-heading`} className="pt-4 font-semibold">
        Install or update a pack
      </h3>
      <form
        className="flex flex-wrap items-end gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <FilePicker
          id={`${id}-file`}
          buttonLabel="Choose a pack file"
          accept=".json,application/json"
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setPlan(null);
            setProblems(null);
            setError(null);
          }}
        />
        <button type="submit" className={primary} disabled={!file || pending !== null}>
          {pending === "check" ? "Checking…" : "Check the pack"}
        </button>
      </form>
      <ProblemsAlert error={error} problems={problems} />
      {plan && r ? (
        <section
          aria-labelledby={`${id}-plan`}
          aria-live="polite"
          className="space-y-3 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
        >
          <h4 id={`${id}-plan`} className="font-semibold">
            {plan.dryRun
              ? `Dry run of ${plan.name} ${plan.version}: nothing written yet`
              : `Installed ${plan.name} ${plan.version}`}
          </h4>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              Questions: {r.questions.created} {verb} created, {r.questions.updated} {verb} updated,{" "}
              {r.questions.archived} {verb} archived (no longer in the pack), {r.questions.restored} {verb} brought
              back, {r.questions.unchanged} unchanged.
            </li>
            <li>
              Coding problems: {r.problems.created} {verb} created, {r.problems.updated} {verb} updated.
            </li>
            <li>
              Topics: {r.topics.created} {verb} created; interview formats: {r.companies.created} {verb} created.
              {plan.keptTopics.length || plan.keptFormats.length
                ? ` Already in the bank and left as they are: ${[...plan.keptTopics, ...plan.keptFormats].join(", ")}.`
                : ""}
            </li>
          </ul>
          {plan.dryRun ? (
            <div className="flex flex-wrap gap-3">
              <button type="button" className={primary} disabled={pending !== null} onClick={() => void send(false)}>
                {pending === "install" ? "Installing…" : "Install it"}
              </button>
              <button type="button" className={secondary} disabled={pending !== null} onClick={() => setPlan(null)}>
                Cancel
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
