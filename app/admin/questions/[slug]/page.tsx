import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { listCompanies } from "@/lib/data/companies";
import { editableQuestion, revisionSnapshots } from "@/lib/data/question-editor";
import { listTopics } from "@/lib/data/questions";
import { AppError } from "@/lib/http/errors";
import { slugSchema } from "@/lib/schemas/content";
import type { EditableQuestion } from "@/lib/schemas/question-editor";
import { ProblemEditor } from "@/components/admin/problem-editor";
import { QuestionEditor } from "@/components/admin/question-editor";
import { RevisionHistory } from "@/components/admin/revision-history";
import { Alert } from "@/components/ui/alert";
import { LocalTime } from "@/components/ui/local-time";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { title: "Edit question · Admin" };

async function load(slug: string): Promise<EditableQuestion | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  try {
    return await editableQuestion(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The editor of one question, its state and its history (ADMIN only). */
export default async function EditQuestionPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  await requireAdmin();
  const { slug } = await params;
  const question = await load(slug);
  if (!question) notFound();
  const [topics, companies, snapshots, { created }] = await Promise.all([
    listTopics(),
    listCompanies(),
    revisionSnapshots(slug),
    searchParams,
  ]);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <BackLink href="/admin/questions">Questions</BackLink>
        <h1 className="text-2xl font-semibold wrap-anywhere">Edit: {question.fields.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/questions/${question.slug}`} className="text-brand-700 underline dark:text-brand-100">
            /questions/{question.slug}
          </Link>{" "}
          · source {question.source}
          {question.kind === "coding" ? " · a coding problem: its code and tests are below the question" : ""}
        </p>
        {created ? <Alert>Created. It is in the bank and in search now.</Alert> : null}
        {question.archived ? <Alert>Archived: it is not in the bank, search or new interviews.</Alert> : null}
        {question.derivedRubric ? (
          <Alert>
            This question’s rubric was derived from its key point sentences (it came from an imported guide). Check each
            concept before you save: saving makes it the authored rubric.
          </Alert>
        ) : null}
        {question.editedAt ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Edited here <LocalTime value={question.editedAt} />: <code>npm run seed</code> keeps this version until the
            files in <code>seed/</code> say the same.
          </p>
        ) : null}
      </div>
      <QuestionEditor
        initial={question}
        topics={topics.map((t) => ({ slug: t.slug, name: t.name }))}
        companies={companies.map((c) => ({ slug: c.slug, name: c.name }))}
      />
      {question.problem ? <ProblemEditor question={question} /> : null}
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          History
        </h2>
        <RevisionHistory
          empty="No revisions yet: the first save here records the question as it was, then your change."
          entries={question.history.map((entry, i) => {
            const after = snapshots.find((s) => s.number === entry.number)?.snapshot;
            const before = snapshots.find((s) => s.number === entry.number - 1)?.snapshot;
            return {
              id: String(entry.number),
              number: entry.number,
              author: entry.author ?? "outside the editor",
              createdAt: entry.createdAt,
              reason: entry.reason,
              changed: entry.changed,
              current: i === 0,
              diff: after && before ? { before, after } : undefined,
              restore:
                i > 0 && after
                  ? {
                      url: `/api/admin/questions/${question.slug}/revisions/${entry.number}/restore`,
                      body: { revision: question.revision },
                    }
                  : undefined,
            };
          })}
        />
      </section>
    </div>
  );
}
