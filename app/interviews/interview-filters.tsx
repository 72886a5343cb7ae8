import type { InterviewListQuery } from "@/lib/schemas/interviews";
import { statusLabel } from "./status-label";

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

export function InterviewFilters({
  companies,
  query,
}: {
  companies: { slug: string; name: string }[];
  query: Pick<InterviewListQuery, "company" | "status">;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block text-xs text-slate-600 dark:text-slate-400">Company</span>
        <select name="company" defaultValue={query.company ?? ""} className={selectClass}>
          <option value="">All</option>
          {companies.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs text-slate-600 dark:text-slate-400">Status</span>
        <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
          <option value="">All</option>
          {Object.entries(statusLabel).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
        Filter
      </button>
    </form>
  );
}
