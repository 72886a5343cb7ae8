"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { apiFetch } from "@/lib/client/api";
import { createdAnswer, interviewInProgress } from "@/lib/schemas/responses";

type Company = { slug: string; name: string; durationMinutes: number; questionCount: number };
type Topic = { slug: string; name: string };

export function StartForm({
  companies,
  topics,
  defaultCompany,
  defaultMultiplier,
}: {
  companies: Company[];
  topics: Topic[];
  defaultCompany?: string;
  defaultMultiplier: number;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const format = useFormat();
  const [mode, setMode] = useState<"strict" | "practice" | "extended">(defaultMultiplier > 1 ? "extended" : "strict");

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      company: String(form.get("company")),
      mode,
      topics: form.getAll("topics").map(String),
      ...(mode === "extended" ? { timeMultiplier: Number(form.get("timeMultiplier")) } : {}),
    };
    setPending(true);
    setError(null);
    setRunning(null);
    const result = await apiFetch("/api/interviews", { method: "POST", body, schema: createdAnswer });
    if (result.ok) {
      router.push(`/interviews/${result.data.id}`);
      return;
    }
    const { error } = result;
    // 409 names the interview already running, to resume or abandon it.
    const other = error.status === 409 ? interviewInProgress.safeParse(error.body) : null;
    if (other?.success) setRunning(other.data.inProgress.id);
    setError(
      Object.values(error.fields)[0]?.[0] ?? error.messageOr("Could not start the interview. Please try again."),
    );
    setPending(false);
  }

  async function abandon(id: string) {
    setPending(true);
    await apiFetch(`/api/interviews/${id}/abandon`, { method: "POST" });
    setRunning(null);
    setError(null);
    setPending(false);
  }

  return (
    <form onSubmit={start} className="space-y-6">
      {error ? (
        <Alert tone="error">
          {error}
          {running ? (
            <span className="mt-2 flex flex-wrap gap-3">
              <Link href={`/interviews/${running}`} className="font-medium underline">
                Resume it
              </Link>
              <button type="button" className="font-medium underline" onClick={() => void abandon(running)}>
                Abandon it
              </button>
            </span>
          ) : null}
        </Alert>
      ) : null}
      <div className="space-y-1">
        <label htmlFor="company" className="block text-sm font-medium">
          Company format
        </label>
        <select
          id="company"
          name="company"
          defaultValue={defaultCompany ?? companies[0]?.slug}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {companies.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name} — {format.count(c.questionCount, "question")}, {format.number(c.durationMinutes)} min
            </option>
          ))}
        </select>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Timer</legend>
        {(
          [
            ["strict", "Strict", "The format's duration; the clock does not pause."],
            ["extended", "Extended time", "More time (×1.5 or ×2) for anyone who needs it."],
            ["practice", "Practice", "No time limit; a stopwatch shows the time spent."],
          ] as const
        ).map(([value, label, hint]) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="mode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{label}</span>{" "}
              <span className="text-slate-600 dark:text-slate-400">— {hint}</span>
            </span>
          </label>
        ))}
        {mode === "extended" ? (
          <label className="ml-6 flex items-center gap-2 text-sm">
            Time ×
            <select
              name="timeMultiplier"
              defaultValue={defaultMultiplier === 2 ? "2" : "1.5"}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="1.5">1.5</option>
              <option value="2">2</option>
            </select>
          </label>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Focus on topics (optional)</legend>
        <div className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2 md:grid-cols-3">
          {topics.map((t) => (
            <label key={t.slug} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="topics" value={t.slug} />
              {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Preparing your questions…" : "Start interview"}
      </Button>
    </form>
  );
}
