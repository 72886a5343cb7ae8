import type { Metadata } from "next";
import Link from "next/link";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { listNotes, noteTopics } from "@/lib/data/notes";
import { AppError } from "@/lib/http/errors";
import { noteListQuerySchema, type NoteListQuery } from "@/lib/schemas/notes";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Markdown to a one-line plain excerpt for the list (the full note is on the question page). */
function excerpt(markdown: string): string {
  const plain = markdown.replace(/```[\s\S]*?```/g, " [code] ").replace(/[#>*_`~|[\]()-]+/g, " ").replace(/\s+/g, " ").trim();
  return plain.length > 220 ? `${plain.slice(0, 220)}…` : plain;
}

const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";

export default async function NotesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Notes</h1>
        <SignInToUse what="Keep private notes on every question and find them again with full-text search." returnTo="/notes" />
      </div>
    );
  }
  // The search form sends empty fields ("topic=" for all topics): those mean "no filter".
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v !== ""));
  const parsed = noteListQuerySchema.safeParse(raw);
  const query: NoteListQuery = parsed.success ? parsed.data : { limit: 20 };
  const [result, topics] = await Promise.all([
    listNotes(user.id, query).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "VALIDATION") return listNotes(user.id, { ...query, cursor: undefined });
      throw error;
    }),
    noteTopics(user.id),
  ]);
  const filtered = Boolean(query.q || query.topic);
  const filterParams = new URLSearchParams(Object.entries({ q: query.q, topic: query.topic }).filter(([, v]) => v) as [string, string][]);
  const next = new URLSearchParams(filterParams);
  if (result.nextCursor) next.set("cursor", result.nextCursor);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Notes</h1>
      {!parsed.success ? <Alert tone="error">Some filters in the address were invalid and were ignored.</Alert> : null}
      <form role="search" action="/notes" className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          Search your notes
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} placeholder="e.g. select_related" className={input} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Topic
          <select name="topic" defaultValue={query.topic ?? ""} className={input}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          Search
        </button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">{query.q ? "Best matches first." : "Most recently edited first."}</p>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? "No notes match" : "No notes yet"}>
          {filtered ? "Try other words or all topics." : "Open any question and write a note under the model answer: it saves as you type and only you can see it."}
        </EmptyState>
      ) : (
        <ol className="space-y-3" aria-label="Notes">
          {result.items.map((note) => (
            <li key={note.question.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/questions/${note.question.slug}#note`} className="font-medium hover:underline">
                  {note.question.title}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {note.question.topic.name} · edited <time dateTime={note.updatedAt}>{note.updatedAt.slice(0, 10)}</time>
                </span>
              </div>
              {note.snippet ? (
                // Escaped by the server; only <mark> around the matches is markup.
                <p className="mt-2 text-sm text-slate-700 dark:text-slate-300 [&_mark]:rounded [&_mark]:bg-amber-200 [&_mark]:px-0.5 dark:[&_mark]:bg-amber-700 dark:[&_mark]:text-white" dangerouslySetInnerHTML={{ __html: note.snippet }} />
              ) : (
                <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{excerpt(note.content)}</p>
              )}
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Pages" className="flex justify-between">
        {query.cursor ? (
          <Link href={`/notes?${filterParams}`} className="text-sm underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {result.nextCursor ? (
          <Link href={`/notes?${next}`} className="text-sm underline">
            More notes
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
