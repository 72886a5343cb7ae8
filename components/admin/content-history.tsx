// The history of topics or of an interview format (lib/data/content-admin.ts), as a revision list.
import type { ContentRevisionView } from "@/lib/schemas/content-admin";
import { RevisionHistory } from "./revision-history";

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
  const latest = new Map<string, number>();
  for (const e of entries) latest.set(e.key, Math.max(latest.get(e.key) ?? 0, e.number));
  return (
    <RevisionHistory
      empty="No changes made here yet."
      entries={entries.map((entry) => {
        const current = latest.get(entry.key) === entry.number;
        return {
          id: `${entry.key} ${entry.number}`,
          label: showKey ? entry.key : undefined,
          number: entry.number,
          author: entry.author ?? "outside the admin area",
          createdAt: entry.createdAt,
          reason: entry.reason,
          changed: entry.changed,
          current,
          diff: entry.previous ? { before: entry.previous, after: entry.snapshot } : undefined,
          restore:
            !current && loaded[entry.key]
              ? {
                  url: `/api/admin/${area}/${entry.key}/revisions/${entry.number}/restore`,
                  body: { updatedAt: loaded[entry.key] },
                }
              : undefined,
        };
      })}
    />
  );
}
