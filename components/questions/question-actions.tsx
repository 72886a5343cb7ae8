"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { createdSetAnswer, reviewDueAnswer } from "@/lib/schemas/responses";

/** Dispatched on window when something else on the page put this question in the revision queue. */
export const QUEUED_EVENT = "mockroom:queued";

type SetRef = { id: string; name: string; contains: boolean };
type Props = { slug: string; bookmarked: boolean; sets: SetRef[]; queuedDue: string | null };

const button =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-700 dark:border-slate-700 dark:hover:bg-slate-900 dark:aria-pressed:bg-slate-800 dark:aria-pressed:text-brand-100";

/** Bookmark, add to sets (or a new one), and put in the revision queue by hand. */
export function QuestionActions({ slug, bookmarked: initialBookmark, sets: initialSets, queuedDue }: Props) {
  const [bookmarked, setBookmarked] = useState(initialBookmark);
  const [sets, setSets] = useState(initialSets);
  const [queued, setQueued] = useState(queuedDue);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    const onQueued = (event: Event) => {
      const detail = (event as CustomEvent<{ slug: string; due: string }>).detail;
      if (detail.slug === slug) setQueued(detail.due);
    };
    window.addEventListener(QUEUED_EVENT, onQueued);
    return () => window.removeEventListener(QUEUED_EVENT, onQueued);
  }, [slug]);

  async function toggleBookmark() {
    const next = !bookmarked;
    setBookmarked(next);
    const result = await apiFetch(`/api/questions/${slug}/bookmark`, { method: next ? "PUT" : "DELETE" });
    if (!result.ok) {
      setBookmarked(!next);
      setMessage({ text: "Could not update the bookmark.", error: true });
    }
  }

  async function toggleSet(set: SetRef) {
    const result = await apiFetch(`/api/sets/${set.id}/questions/${slug}`, { method: set.contains ? "DELETE" : "PUT" });
    if (result.ok) {
      setSets((all) => all.map((s) => (s.id === set.id ? { ...s, contains: !s.contains } : s)));
      setMessage({ text: set.contains ? `Removed from ${set.name}.` : `Added to ${set.name}.` });
    } else setMessage({ text: result.error.messageOr("Could not update the set."), error: true });
  }

  async function createSet(event: React.FormEvent) {
    event.preventDefault();
    const result = await apiFetch("/api/sets", {
      method: "POST",
      body: { name, questions: [slug] },
      schema: createdSetAnswer,
    });
    if (result.ok) {
      const created = result.data;
      setSets((all) => [{ id: created.id, name: created.name, contains: true }, ...all]);
      setName("");
      setMessage({ text: `Created ${created.name} with this question.` });
    } else
      setMessage({
        text: result.error.field("name") ?? result.error.messageOr("Could not create the set."),
        error: true,
      });
  }

  async function toggleQueue() {
    const result = queued
      ? await apiFetch(`/api/review/${slug}`, { method: "DELETE" })
      : await apiFetch(`/api/review/${slug}`, { method: "PUT", schema: reviewDueAnswer });
    if (result.ok) {
      setQueued(result.data ? result.data.due : null);
      setMessage({ text: queued ? "Removed from your revision queue." : "Added to your revision queue." });
    } else setMessage({ text: "Could not update your revision queue.", error: true });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" aria-pressed={bookmarked} onClick={() => void toggleBookmark()} className={button}>
          <span aria-hidden="true">{bookmarked ? "\u2605" : "\u2606"}</span> {bookmarked ? "Bookmarked" : "Bookmark"}
        </button>
        <button type="button" aria-pressed={queued !== null} onClick={() => void toggleQueue()} className={button}>
          {queued ? "In revision queue" : "Add to revision queue"}
        </button>
        <details className="relative">
          <summary className={`${button} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
            Sets{sets.some((s) => s.contains) ? ` (${sets.filter((s) => s.contains).length})` : ""}
          </summary>
          <div className="absolute z-10 mt-1 w-72 space-y-3 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-800 dark:bg-slate-950">
            {sets.length ? (
              <ul className="max-h-56 space-y-1 overflow-auto">
                {sets.map((set) => (
                  <li key={set.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={set.contains} onChange={() => void toggleSet(set)} />
                      {set.name}
                    </label>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">No sets yet.</p>
            )}
            <form onSubmit={(e) => void createSet(e)} className="flex gap-2">
              <label className="sr-only" htmlFor={`new-set-${slug}`}>
                New set name
              </label>
              <input
                id={`new-set-${slug}`}
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={80}
                placeholder="New set, e.g. JPMorgan week"
                className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
              />
              <button
                type="submit"
                disabled={!name.trim()}
                className="rounded-md bg-brand-600 px-2 py-1 text-sm text-white disabled:opacity-50"
              >
                Create
              </button>
            </form>
          </div>
        </details>
      </div>
      {message ? (
        <p
          role={message.error ? "alert" : "status"}
          className={`text-sm ${message.error ? "text-rose-700 dark:text-rose-400" : "text-slate-600 dark:text-slate-400"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
