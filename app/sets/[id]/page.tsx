import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { RemoveFromSet, SetControls } from "@/components/sets/set-forms";
import { getSet } from "@/lib/data/sets";
import { AppError } from "@/lib/http/errors";
import { isUuid } from "@/lib/http/ids";
import { requireUser } from "@/lib/auth/session";
import { Count } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Set" };

export default async function SetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const set = await getSet(user.id, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });
  if (!set) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/sets" className="hover:underline">
          Sets
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold wrap-anywhere">{set.name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Count n={set.questionCount} noun="question" />. A practice interview takes up to 20 of them, with no clock.
        </p>
      </div>
      <SetControls id={set.id} name={set.name} questionCount={set.questionCount} />
      {set.questions.length ? (
        <ol className="space-y-2">
          {set.questions.map((q) => (
            <li
              key={q.slug}
              className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 pb-2 dark:border-slate-800"
            >
              <span>
                <Link href={`/questions/${q.slug}`} className="hover:underline">
                  {q.title}
                </Link>
                <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
                  {q.topic.name} · {q.difficulty}
                </span>
              </span>
              <RemoveFromSet id={set.id} slug={q.slug} title={q.title} />
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title="This set is empty">
          Open a question and use its <strong>Sets</strong> button to add it here.{" "}
          <Link href="/questions" className="underline">
            Browse questions
          </Link>
        </EmptyState>
      )}
    </div>
  );
}
