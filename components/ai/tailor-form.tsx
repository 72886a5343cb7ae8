"use client";
// Tailored practice (issue #25): paste a job description, the configured model picks the bank's topics it calls
// for (each with why), and a practice interview starts on them from the bank's own questions.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type * as z from "zod/mini";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { createdAnswer, tailoredAnswer } from "@/lib/schemas/responses";
import type { AiSettings } from "./ai-feedback";

type Company = { slug: string; name: string };

export function TailorForm({ companies, settings }: { companies: Company[]; settings: AiSettings }) {
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState("");
  const [company, setCompany] = useState(companies[0]?.slug ?? "");
  const [result, setResult] = useState<z.infer<typeof tailoredAnswer> | null>(null);
  const [pending, setPending] = useState<"tailor" | "start" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function tailor() {
    setPending("tailor");
    setError(null);
    setResult(null);
    const answer = await apiFetch("/api/ai/tailor", {
      method: "POST",
      body: { jobDescription: text },
      schema: tailoredAnswer,
    });
    setPending(null);
    if (answer.ok) setResult(answer.data);
    else setError(answer.error.field("jobDescription") ?? answer.error.messageOr("The topics could not be found."));
  }

  async function start() {
    if (!result) return;
    setPending("start");
    setError(null);
    const answer = await apiFetch("/api/interviews", {
      method: "POST",
      body: { company, mode: "practice", topics: result.topics.map((t) => t.slug) },
      schema: createdAnswer,
    });
    if (answer.ok) router.push(`/interviews/${answer.data.id}`);
    else {
      setPending(null);
      setError(answer.error.messageOr("Could not start the interview."));
    }
  }

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-4 rounded-lg border border-violet-200 p-4 dark:border-violet-900"
    >
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Tailor a practice interview to a job description
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Optional, with AI: the job description (and nothing else) goes to <strong>{settings.host}</strong> (model{" "}
          {settings.model}), which picks the bank’s topics it calls for. The questions come from Mockroom’s own bank.
        </p>
      </div>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          void tailor();
        }}
      >
        <label htmlFor={`${id}-job`} className="block text-sm font-medium">
          Job description
        </label>
        <textarea
          id={`${id}-job`}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          rows={6}
          maxLength={20_000}
          className="w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit" disabled={pending !== null || text.trim().length < 40}>
          {pending === "tailor" ? `Asking ${settings.model}…` : "Find the topics"}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
      {result ? (
        <div className="space-y-3" aria-live="polite">
          <h3 className="font-medium">Topics for this job, chosen by {result.model}</h3>
          <ul className="space-y-1.5 text-sm">
            {result.topics.map((t) => (
              <li key={t.slug}>
                <span className="font-medium">{t.name}</span>
                <span className="text-slate-600 dark:text-slate-400"> — {t.why}</span>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-end gap-3">
            <label className="text-sm">
              <span className="block font-medium">Interview format</span>
              <select
                value={company}
                onChange={(event) => setCompany(event.currentTarget.value)}
                className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
              >
                {companies.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <Button type="button" onClick={() => void start()} disabled={pending !== null || !company}>
              {pending === "start" ? "Starting…" : "Start a practice interview on these topics"}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
