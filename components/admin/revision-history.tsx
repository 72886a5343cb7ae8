// A content history as the admin area shows it (questions, topics, interview formats): each revision, who made it
// and why, what it changed (a diff), and a way to make an earlier one current again.
import { LocalTime } from "@/components/ui/local-time";
import { RestoreRevisionButton } from "./restore-revision-button";
import { fieldLabel, RevisionDiff } from "./revision-diff";

export type RevisionEntry = {
  /** Unique in the list (the topics page lists every topic's revisions together). */
  id: string;
  /** Named before the revision's number when one list holds several things' revisions. */
  label?: string;
  number: number;
  author: string;
  createdAt: string;
  reason: string;
  changed: string[];
  current: boolean;
  diff?: { before: Record<string, unknown>; after: Record<string, unknown> };
  /** The restore route and the version token the page loaded; absent for the current revision. */
  restore?: { url: string; body: unknown };
};

export function RevisionHistory({ entries, empty }: { entries: RevisionEntry[]; empty: string }) {
  if (!entries.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="space-y-1 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
          <p>
            {entry.label ? <code className="mr-1">{entry.label}</code> : null}
            <strong>Revision {entry.number}</strong> · {entry.author} · <LocalTime value={entry.createdAt} /> ·{" "}
            {entry.reason}
            {entry.current ? " (current)" : ""}
          </p>
          {entry.changed.length ? (
            <p className="text-slate-600 dark:text-slate-400">Changed: {entry.changed.map(fieldLabel).join(", ")}</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            {entry.diff ? (
              <details>
                <summary className="cursor-pointer text-brand-700 dark:text-brand-100">What changed</summary>
                <div className="mt-2">
                  <RevisionDiff before={entry.diff.before} after={entry.diff.after} />
                </div>
              </details>
            ) : null}
            {entry.restore ? (
              <RestoreRevisionButton url={entry.restore.url} body={entry.restore.body} number={entry.number} />
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
