// The history of topics or of an interview format (lib/data/content-admin.ts): each revision, what it changed
// (a diff), and a way to make it current again.
import type { ContentRevisionView } from "@/lib/schemas/content-admin";
import { LocalTime } from "@/components/ui/local-time";
import { RestoreRevisionButton } from "./restore-revision-button";
import { fieldLabel, RevisionDiff } from "./revision-diff";

type Props = {
  entries: ContentRevisionView[];
  /** "topics" or "formats": the route the restore goes to. */
  area: "topics" | "formats";
  /** Each row's `updatedAt` as the page loaded it, by slug: the version a restore is made against. */
  loaded: Record<string, string>;
  /** Name the topic or format of each revision (the topics page lists them all together). */
  showKey?: boolean;
};

export function ContentHistory({ entries, area, loaded, showKey = false }: Props) {
  if (!entries.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No changes made here yet.</p>;
  const latest = new Map<string, number>();
  for (const e of entries) latest.set(e.key, Math.max(latest.get(e.key) ?? 0, e.number));
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li
          key={`${entry.key} ${entry.number}`}
          className="space-y-1 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
        >
          <p>
            {showKey ? <code className="mr-1">{entry.key}</code> : null}
            <strong>Revision {entry.number}</strong> · {entry.author ?? "outside the admin area"} ·{" "}
            <LocalTime value={entry.createdAt} /> · {entry.reason}
            {latest.get(entry.key) === entry.number ? " (current)" : ""}
          </p>
          {entry.changed.length ? (
            <p className="text-slate-600 dark:text-slate-400">Changed: {entry.changed.map(fieldLabel).join(", ")}</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            {entry.previous ? (
              <details>
                <summary className="cursor-pointer text-brand-700 dark:text-brand-100">What changed</summary>
                <div className="mt-2">
                  <RevisionDiff before={entry.previous} after={entry.snapshot} />
                </div>
              </details>
            ) : null}
            {latest.get(entry.key) !== entry.number && loaded[entry.key] ? (
              <RestoreRevisionButton
                url={`/api/admin/${area}/${entry.key}/revisions/${entry.number}/restore`}
                body={{ updatedAt: loaded[entry.key] }}
                number={entry.number}
              />
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
