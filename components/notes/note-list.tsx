// The notes page's list: each note's question, topic and last edit, with the search's highlighted snippet or
// the start of the note.
import Link from "next/link";
import type { NoteListItem } from "@/lib/schemas/notes";
import { LocalTime } from "@/components/ui/local-time";

/** Markdown to a one-line plain excerpt for the list (the full note is on the question page). */
function excerpt(markdown: string): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, " [code] ")
    .replace(/[#>*_`~|[\]()-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 220 ? `${plain.slice(0, 220)}…` : plain;
}

export function NoteList({ items }: { items: NoteListItem[] }) {
  return (
    <ol className="space-y-3" aria-label="Notes">
      {items.map((note) => (
        <li key={note.question.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={`/questions/${note.question.slug}#note`} className="font-medium hover:underline">
              {note.question.title}
            </Link>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {note.question.topic.name} · edited <LocalTime value={note.updatedAt} show="date" />
            </span>
          </div>
          {note.snippet ? (
            // Escaped by the server; only <mark> around the matches is markup.
            <p
              className="mt-2 text-sm wrap-anywhere text-slate-700 dark:text-slate-300 [&_mark]:rounded [&_mark]:bg-amber-200 [&_mark]:px-0.5 dark:[&_mark]:bg-amber-700 dark:[&_mark]:text-white"
              dangerouslySetInnerHTML={{ __html: note.snippet }}
            />
          ) : (
            <p className="mt-2 text-sm wrap-anywhere text-slate-700 dark:text-slate-300">{excerpt(note.content)}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
