"use client";

import Link from "next/link";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { useFormat } from "@/components/ui/format-provider";
import { apiFetch } from "@/lib/client/api";
import { pluralWord } from "@/lib/format/format";
import { reviewDueAnswer } from "@/lib/schemas/responses";

export type ReviewItem = {
  slug: string;
  title: string;
  topic: string;
  reason: "manual" | "rated" | "low_score" | "skipped";
  next: Record<"again" | "hard" | "good" | "easy", string>;
  prompt: ReactNode;
  answer: ReactNode;
};

const ratings = [
  ["again", "Again", "1"],
  ["hard", "Hard", "2"],
  ["good", "Good", "3"],
  ["easy", "Easy", "4"],
] as const;

const reasons = {
  manual: "added by you",
  rated: "you rated it Again or Hard",
  low_score: "scored low in a mock interview",
  skipped: "skipped in a mock interview",
};

/** "in 10 min", "in 3 days": how far away a due date is. */
function until(iso: string, now: number): string {
  const minutes = Math.max(1, Math.round((new Date(iso).getTime() - now) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h`;
  const days = Math.round(hours / 24);
  return days < 60 ? `${days} d` : `${Math.round(days / 30)} mo`;
}

/** One due question at a time: recall, reveal the model answer, rate; FSRS sets the next date. Keys: Space reveals, 1-4 rate. */
export function ReviewSession({ items, upcoming }: { items: ReviewItem[]; upcoming: number }) {
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ title: string; due: string }[]>([]);
  // Intervals are shown only after a reveal (a client interaction), so the server never renders them.
  const [now, setNow] = useState(() => Date.now());
  const item = items[index];
  const format = useFormat();

  const rate = useCallback(
    async (rating: (typeof ratings)[number][0]) => {
      if (!item || busy) return;
      setBusy(true);
      setError(null);
      const result = await apiFetch(`/api/review/${item.slug}`, {
        method: "POST",
        body: { rating },
        schema: reviewDueAnswer,
      });
      setBusy(false);
      if (!result.ok) {
        setError("Could not save the rating. Check your connection and try again.");
        return;
      }
      const { due } = result.data;
      setDone((d) => [...d, { title: item.title, due }]);
      setNow(Date.now());
      setRevealed(false);
      setIndex((i) => i + 1);
    },
    [busy, item],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, [contenteditable=true], select")) return;
      if (!revealed && event.key === " " && target?.tagName !== "BUTTON") {
        event.preventDefault();
        setRevealed(true);
      } else if (revealed) {
        const match = ratings.find(([, , key]) => key === event.key);
        if (match) void rate(match[0]);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rate, revealed]);

  if (!item) {
    return (
      <section aria-live="polite" className="rounded-lg border border-slate-200 p-6 dark:border-slate-800">
        <h2 className="text-lg font-semibold">{done.length ? "All done for today" : "Nothing due today"}</h2>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {done.length ? `You reviewed ${format.count(done.length, "question")}. ` : ""}
          {upcoming
            ? `${format.count(upcoming, "more question")} ${pluralWord(upcoming, { one: "is", other: "are" })} scheduled for later days.`
            : "Questions you rate Again or Hard, or score low on or skip in a mock interview, come back here."}
        </p>
        {done.length ? (
          <ul className="mt-4 space-y-1 text-sm">
            {done.map((d, i) => (
              <li key={i}>
                {d.title}: back in {until(d.due, now)}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4 flex gap-3 text-sm">
          <Link href="/questions" className="underline">
            Browse questions
          </Link>
          <Link href="/dashboard" className="underline">
            Dashboard
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="review-title" className="space-y-5" data-testid="review-card">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        Question {index + 1} of {items.length} · {item.topic} · {reasons[item.reason]}
      </p>
      <h2 id="review-title" className="text-xl font-semibold">
        <Link href={`/questions/${item.slug}`} className="hover:underline">
          {item.title}
        </Link>
      </h2>
      <div>{item.prompt}</div>
      {revealed ? (
        <div className="space-y-4">
          <section aria-label="Model answer" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            {item.answer}
          </section>
          <div
            role="group"
            aria-label="How well did you recall it?"
            className="sticky bottom-0 flex flex-wrap gap-2 border-t border-slate-200 bg-white/95 py-3 dark:border-slate-800 dark:bg-slate-950/95"
          >
            {ratings.map(([value, label, key]) => (
              <button
                key={value}
                type="button"
                disabled={busy}
                onClick={() => void rate(value)}
                className="flex min-w-24 flex-col items-center rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-900"
              >
                <span className="font-medium">{label}</span>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {until(item.next[value], now)} · key {key}
                </span>
              </button>
            ))}
          </div>
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Answer it in your head (or out loud), then check.
          </p>
          <button
            type="button"
            autoFocus
            onClick={() => setRevealed(true)}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Show the model answer
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </section>
  );
}
