"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import type { QuestionList } from "@/lib/schemas/questions";
import { slugLabel } from "./slug-label";

type Values = { q?: string; topic?: string; difficulty?: string; company?: string; kind?: string; tag?: string };

const selects: { name: keyof QuestionList["facets"]; label: string; all: string }[] = [
  { name: "topic", label: "Topic", all: "All topics" },
  { name: "difficulty", label: "Difficulty", all: "Any difficulty" },
  { name: "company", label: "Company", all: "Any company" },
  { name: "kind", label: "Kind", all: "Written and coding" },
];

/**
 * The facet's values, with the active one added (0 questions) when nothing in the result has it: the select
 * then reads the filter in force, not "All topics", on an empty result.
 */
function withActive(facet: QuestionList["facets"]["topic"], active: string | undefined) {
  if (!active || facet.some((f) => f.value === active)) return facet;
  return [{ value: active, label: slugLabel(active), count: 0 }, ...facet];
}

function toUrl(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form))
    if (typeof value === "string" && value.trim()) params.set(key, value.trim());
  const query = params.toString();
  return query ? `/questions?${query}` : "/questions";
}

/**
 * A plain GET form (works without JavaScript); with it, selects apply at once and the search box
 * updates results while typing. All state lives in the URL, so results are shareable and Back works.
 */
/** `capped`: a search read only its best matches, so each count is a floor ("12+"). */
export function QuestionFilters({
  values,
  facets,
  capped = false,
}: {
  values: Values;
  facets: QuestionList["facets"];
  capped?: boolean;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(values.q ?? "");
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(typing.current), []);

  const apply = (mode: "push" | "replace") => {
    if (!form.current) return;
    const url = toUrl(form.current);
    startTransition(() =>
      mode === "push" ? router.push(url, { scroll: false }) : router.replace(url, { scroll: false }),
    );
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    clearTimeout(typing.current);
    apply("push");
  }

  return (
    <form ref={form} action="/questions" method="get" onSubmit={onSubmit} role="search" className="space-y-3">
      <div className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          Search questions
        </label>
        <input
          id="q"
          name="q"
          type="search"
          value={q}
          maxLength={200}
          placeholder="Search questions, e.g. prefetch, csrf, signals"
          autoComplete="off"
          onChange={(event) => {
            setQ(event.target.value);
            clearTimeout(typing.current);
            typing.current = setTimeout(() => apply("replace"), 250);
          }}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Search
        </button>
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        {selects.map((select) => (
          <div key={select.name}>
            <label
              htmlFor={`filter-${select.name}`}
              className="block text-xs font-medium text-slate-600 dark:text-slate-400"
            >
              {select.label}
            </label>
            <select
              id={`filter-${select.name}`}
              name={select.name}
              defaultValue={values[select.name] ?? ""}
              onChange={() => apply("push")}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <option value="">{select.all}</option>
              {withActive(facets[select.name], values[select.name]).map((facet) => (
                <option key={facet.value} value={facet.value}>
                  {facet.label} ({facet.count}
                  {capped ? "+" : ""})
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {values.tag ? <input type="hidden" name="tag" value={values.tag} /> : null}
      <p aria-live="polite" className="h-4 text-xs text-slate-600 dark:text-slate-400">
        {pending ? "Updating results…" : ""}
      </p>
    </form>
  );
}
