import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listEditableQuestions } from "@/lib/data/question-editor";
import { listTopics } from "@/lib/data/questions";
import { adminQuestionListQuerySchema } from "@/lib/schemas/question-editor";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Questions · Admin" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const control = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Every question, live and archived, to open in the editor (ADMIN only). */
export default async function AdminQuestionsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const raw = await searchParams;
  const one = (key: string) => (typeof raw[key] === "string" && raw[key] ? raw[key] : undefined);
  const parsed = adminQuestionListQuerySchema.safeParse({
    q: one("q"),
    topic: one("topic"),
    status: one("status"),
    cursor: one("cursor"),
  });
  const query = parsed.success ? parsed.data : adminQuestionListQuerySchema.parse({});
  const [list, topics] = await Promise.all([
    listEditableQuestions(query).catch(() => listEditableQuestions({ ...query, cursor: undefined })),
    listTopics(),
  ]);
  const next = new URLSearchParams();
  for (const key of ["q", "topic", "status"] as const) if (query[key]) next.set(key, String(query[key]));
  if (list.nextCursor) next.set("cursor", list.nextCursor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <BackLink href="/admin">Admin</BackLink>
          <h1 className="text-2xl font-semibold">Questions</h1>
        </div>
        <ButtonLink href="/admin/questions/new">New question</ButtonLink>
      </div>
      <form role="search" aria-label="Find questions" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Words of the title or slug
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ""} maxLength={200} className={control} />
        </div>
        <div className="space-y-1">
          <label htmlFor="topic" className="block text-sm font-medium">
            Topic
          </label>
          <select id="topic" name="topic" defaultValue={query.topic ?? ""} className={control}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={query.status} className={control}>
            <option value="all">Live and archived</option>
            <option value="live">Live</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <button type="submit" className={`${control} font-medium hover:bg-slate-50 dark:hover:bg-slate-900`}>
          Find
        </button>
      </form>
      {!parsed.success ? <Alert>Some of the filters were not understood; showing every question.</Alert> : null}
      {list.items.length ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {list.items.map((q) => (
            <li key={q.slug} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm wrap-anywhere">
              <Link href={`/admin/questions/${q.slug}`} className="min-w-0 flex-1 font-medium hover:underline">
                {q.title}
              </Link>
              <span className="text-slate-600 dark:text-slate-400">{q.topic}</span>
              {q.kind === "coding" ? (
                <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">coding</span>
              ) : null}
              {q.archived ? (
                <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                  archived
                </span>
              ) : null}
              {q.editedAt ? (
                <span className="rounded bg-brand-50 px-1.5 text-xs text-brand-700 dark:bg-slate-800 dark:text-brand-100">
                  edited here
                </span>
              ) : null}
              {q.openReports ? (
                <Link
                  href="/admin/reports"
                  className="rounded bg-rose-100 px-1.5 text-xs text-rose-900 hover:underline dark:bg-rose-950 dark:text-rose-200"
                >
                  {q.openReports} open {q.openReports === 1 ? "report" : "reports"}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No questions match">Try other words, or another topic or status.</EmptyState>
      )}
      {list.nextCursor ? (
        <Link
          href={`/admin/questions?${next}`}
          className="inline-block text-sm text-brand-700 hover:underline dark:text-brand-100"
        >
          Next page
        </Link>
      ) : null}
    </div>
  );
}
