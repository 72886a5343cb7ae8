import type { Metadata } from "next";
import Link from "next/link";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { NoteList } from "@/components/notes/note-list";
import { NoteSearchForm } from "@/components/notes/note-search-form";
import { listNotes, noteTopics } from "@/lib/data/notes";
import { AppError } from "@/lib/http/errors";
import { noteListQuerySchema, type NoteListQuery } from "@/lib/schemas/notes";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Notes" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Notes</h1>
        <SignInToUse
          what="Keep private notes on every question and find them again with full-text search."
          returnTo="/notes"
        />
      </div>
    );
  }
  // The search form sends empty fields ("topic=" for all topics): those mean "no filter".
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => v !== ""));
  const parsed = noteListQuerySchema.safeParse(raw);
  const query: NoteListQuery = parsed.success ? parsed.data : { limit: 20 };
  const [result, topics] = await Promise.all([
    listNotes(user.id, query).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "VALIDATION")
        return listNotes(user.id, { ...query, cursor: undefined });
      throw error;
    }),
    noteTopics(user.id),
  ]);
  const filtered = Boolean(query.q || query.topic);
  const filterParams = new URLSearchParams(
    Object.entries({ q: query.q, topic: query.topic }).filter(([, v]) => v) as [string, string][],
  );
  const next = new URLSearchParams(filterParams);
  if (result.nextCursor) next.set("cursor", result.nextCursor);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Notes</h1>
      {!parsed.success ? <Alert tone="error">Some filters in the address were invalid and were ignored.</Alert> : null}
      <NoteSearchForm q={query.q} topic={query.topic} topics={topics} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {query.q ? "Best matches first." : "Most recently edited first."}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? "No notes match" : "No notes yet"}>
          {filtered
            ? "Try other words or all topics."
            : "Open any question and write a note under the model answer: it saves as you type and only you can see it."}
        </EmptyState>
      ) : (
        <NoteList items={result.items} />
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
