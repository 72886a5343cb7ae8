import Link from "next/link";
import { slugLabel } from "./slug-label";
import type { QuestionList, QuestionListQuery } from "@/lib/schemas/questions";

type Key = "q" | "topic" | "difficulty" | "company" | "kind" | "tag";

const names: Record<Key, string> = {
  q: "Search",
  topic: "Topic",
  difficulty: "Difficulty",
  company: "Company",
  kind: "Kind",
  tag: "Tag",
};

function label(key: Key, value: string, facets: QuestionList["facets"]): string {
  if (key === "q") return `“${value}”`;
  if (key === "tag") return `#${value}`;
  const facet =
    key === "topic" || key === "company" || key === "kind" || key === "difficulty"
      ? facets[key].find((f) => f.value === value)
      : undefined;
  return facet?.label ?? slugLabel(value);
}

/** The filters in force as links that remove them, one each, and "Clear all": plain links, so Tab and Enter work. */
export function ActiveFilters({ query, facets }: { query: QuestionListQuery; facets: QuestionList["facets"] }) {
  const active = (Object.keys(names) as Key[]).filter((key) => query[key]);
  if (!active.length) return null;
  const without = (removed: Key) => {
    const params = new URLSearchParams();
    for (const key of active) if (key !== removed) params.set(key, query[key]!);
    const text = params.toString();
    return text ? `/questions?${text}` : "/questions";
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Active filters" role="group">
      <span className="text-slate-600 dark:text-slate-400">Filters:</span>
      <ul className="contents">
        {active.map((key) => (
          <li key={key}>
            <Link
              href={without(key)}
              className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 px-3 py-1 text-slate-800 hover:border-brand-500 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            >
              <span className="sr-only">Remove </span>
              <span className="text-slate-600 dark:text-slate-400">{names[key]}:</span>{" "}
              {label(key, query[key]!, facets)}
              <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href="/questions" className="font-medium text-brand-700 underline dark:text-brand-100">
        Clear all
      </Link>
    </div>
  );
}
