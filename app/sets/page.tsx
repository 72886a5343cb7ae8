import type { Metadata } from "next";
import Link from "next/link";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateSetForm } from "@/components/sets/set-forms";
import { listBookmarks, listSets } from "@/lib/data/sets";
import { getCurrentUser } from "@/lib/auth/session";
import { Count, LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Sets and bookmarks" };

export default async function SetsPage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Sets and bookmarks</h1>
        <SignInToUse
          what="Bookmark questions and group them into sets you can practise as an interview."
          returnTo="/sets"
        />
      </div>
    );
  }
  const [sets, bookmarks] = await Promise.all([listSets(user.id), listBookmarks(user.id)]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="sets" className="space-y-4">
        <h1 id="sets" className="text-2xl font-semibold">
          Your sets
        </h1>
        <CreateSetForm />
        {sets.items.length ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {sets.items.map((set) => (
              <li
                key={set.id}
                className="min-w-0 rounded-lg border border-slate-200 p-4 wrap-anywhere dark:border-slate-800"
              >
                <Link href={`/sets/${set.id}`} className="font-medium hover:underline">
                  {set.name}
                </Link>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  <Count n={set.questionCount} noun="question" /> · updated{" "}
                  <LocalTime value={set.updatedAt} show="date" />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No sets yet">Create one here, or from any question page with the Sets button.</EmptyState>
        )}
      </section>
      <section aria-labelledby="bookmarks" className="space-y-4">
        <h2 id="bookmarks" className="text-xl font-semibold">
          Bookmarks
        </h2>
        {bookmarks.items.length ? (
          <ul className="space-y-2">
            {bookmarks.items.map((b) => (
              <li
                key={b.slug}
                className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-2 dark:border-slate-800"
              >
                <Link href={`/questions/${b.slug}`} className="hover:underline">
                  {b.title}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  {b.topic.name} · {b.difficulty}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No bookmarks yet">Use the Bookmark button on a question to keep it here.</EmptyState>
        )}
      </section>
    </div>
  );
}
