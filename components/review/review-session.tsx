"use client";

import Link from "next/link";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { apiFetch } from "@/lib/client/api";
import { afterRating, release, type Sitting } from "@/lib/review/session";
import { reviewRatedAnswer } from "@/lib/schemas/responses";
import { RatingBar, ratings, type RatingName } from "./rating-bar";
import { SittingEnd } from "./sitting-end";

export type ReviewItem = {
  slug: string;
  title: string;
  topic: string;
  reason: "manual" | "rated" | "low_score" | "skipped";
  next: Record<RatingName, string>;
  prompt: ReactNode;
  answer: ReactNode;
};

const reasons = {
  manual: "added by you",
  rated: "you rated it Again or Hard",
  low_score: "scored low in a mock interview",
  skipped: "skipped in a mock interview",
};

/**
 * Today's sitting (lib/review/session.ts): one due question at a time; recall, reveal the model answer, rate;
 * FSRS sets the next date. A card due again today waits for its time. Keys: Space reveals, 1-4 rate.
 * `renderedAt`: the server's clock for the first render, so server and browser render the same text.
 */
export function ReviewSession(props: {
  items: ReviewItem[];
  sitting: Sitting;
  doneToday: number;
  endOfDay: number;
  upcoming: number;
  renderedAt: number;
}) {
  const { items, doneToday, endOfDay, upcoming } = props;
  const [sitting, setSitting] = useState(props.sitting);
  const [next, setNext] = useState(() => Object.fromEntries(items.map((i) => [i.slug, i.next])));
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rated, setRated] = useState<{ slug: string; title: string; due: number }[]>([]);
  const [now, setNow] = useState(props.renderedAt);
  const bySlug = new Map(items.map((i) => [i.slug, i]));
  const item = sitting.queue[0] === undefined ? undefined : bySlug.get(sitting.queue[0]);

  // Waiting cards come back by themselves once due; the clock also keeps "in 3 min" current.
  const waiting = sitting.waiting.length > 0;
  useEffect(() => {
    const tick = () => {
      setNow(Date.now());
      setSitting((s) => release(s, Date.now()));
    };
    tick();
    if (!waiting) return;
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  const rate = useCallback(
    async (rating: RatingName) => {
      if (!item || busy) return;
      setBusy(true);
      setError(null);
      const result = await apiFetch(`/api/review/${item.slug}`, {
        method: "POST",
        body: { rating },
        schema: reviewRatedAnswer,
      });
      setBusy(false);
      if (!result.ok) {
        setError("Could not save the rating. Check your connection and try again.");
        return;
      }
      const due = new Date(result.data.due).getTime();
      setNext((n) => ({ ...n, [item.slug]: result.data.next }));
      setRated((r) => [...r.filter((d) => d.slug !== item.slug), { slug: item.slug, title: item.title, due }]);
      setSitting((s) => afterRating(s, item.slug, due, endOfDay));
      setNow(Date.now());
      setRevealed(false);
    },
    [busy, item, endOfDay],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
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

  // Rated here and gone for another day: neither on screen, queued, nor waiting.
  const finished = rated.filter(
    (r) => !sitting.queue.includes(r.slug) && !sitting.waiting.some((w) => w.slug === r.slug),
  );
  const left = sitting.queue.length;
  const total = doneToday + finished.length + left + sitting.waiting.length;
  const later = sitting.waiting.length ? ` · ${sitting.waiting.length} back later today` : "";

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="due-count">
        {left} due now{later}
      </p>
      {!item ? (
        <SittingEnd
          waiting={sitting.waiting}
          rated={finished}
          titles={Object.fromEntries(items.map((i) => [i.slug, i.title]))}
          upcoming={upcoming}
          now={now}
        />
      ) : (
        <section aria-labelledby="review-title" className="space-y-5" data-testid="review-card">
          <div className="space-y-2">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              <span data-testid="sitting-progress">
                {left} of {total} left
              </span>{" "}
              · {item.topic} · {reasons[item.reason]}
            </p>
            <div
              role="progressbar"
              aria-label="Reviewed today"
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={total - left - sitting.waiting.length}
              className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
            >
              <div
                className="h-full bg-brand-600 motion-safe:transition-all"
                style={{ width: `${(100 * (total - left - sitting.waiting.length)) / Math.max(1, total)}%` }}
              />
            </div>
          </div>
          <h2 id="review-title" className="text-xl font-semibold">
            <Link href={`/questions/${item.slug}`} className="hover:underline">
              {item.title}
            </Link>
          </h2>
          <div>{item.prompt}</div>
          {revealed ? (
            <div className="space-y-4">
              <section
                aria-label="Model answer"
                className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
              >
                {item.answer}
              </section>
              <RatingBar next={next[item.slug]!} now={now} busy={busy} onRate={(r) => void rate(r)} />
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
      )}
    </div>
  );
}
