"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/client/api";

const ratings = [
  ["again", "Again"],
  ["hard", "Hard"],
  ["good", "Good"],
  ["easy", "Easy"],
] as const;

export function RatingButtons({
  interviewId,
  questionId,
  initial,
}: {
  interviewId: string;
  questionId: string;
  initial: string | null;
}) {
  const [rating, setRating] = useState(initial);
  const [error, setError] = useState(false);

  async function rate(value: string) {
    const previous = rating;
    setRating(value);
    setError(false);
    // keepalive: a rating clicked just before the user leaves or reloads the page is still delivered.
    const result = await apiFetch(`/api/interviews/${interviewId}/answers/${questionId}/rating`, {
      method: "PUT",
      body: { rating: value },
      keepalive: true,
    });
    if (!result.ok) {
      setRating(previous);
      setError(true);
    }
  }

  return (
    <div role="group" aria-label="How well did you know it?" className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600 dark:text-slate-400">Your rating:</span>
      {ratings.map(([value, label]) => (
        <button
          key={value}
          type="button"
          aria-pressed={rating === value}
          onClick={() => void rate(value)}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white dark:border-slate-700"
        >
          {label}
        </button>
      ))}
      {error ? (
        <span role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          Could not save the rating.
        </span>
      ) : null}
    </div>
  );
}
