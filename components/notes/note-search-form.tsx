// The notes page's search form: words and a topic, sent as a GET so the results have an address.
import type { NoteTopic } from "@/lib/data/notes";

const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";

export function NoteSearchForm({ q, topic, topics }: { q?: string; topic?: string; topics: NoteTopic[] }) {
  return (
    <form role="search" action="/notes" className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
        Search your notes
        <input
          type="search"
          name="q"
          defaultValue={q ?? ""}
          maxLength={200}
          placeholder="e.g. select_related"
          className={input}
        />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium">
        Topic
        <select name="topic" defaultValue={topic ?? ""} className={input}>
          <option value="">All topics</option>
          {topics.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name} ({t.count})
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        Search
      </button>
    </form>
  );
}
