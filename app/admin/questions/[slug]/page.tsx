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
import { RestoreRevisionButton } from "@/components/admin/restore-revision-button";
import { fieldLabel, RevisionDiff } from "@/components/admin/revision-diff";
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
        {question.history.length ? (
          <ol className="space-y-3">
            {question.history.map((entry, i) => {
              const after = snapshots.find((s) => s.number === entry.number)?.snapshot;
              const before = snapshots.find((s) => s.number === entry.number - 1)?.snapshot;
              return (
                <li
                  key={entry.number}
                  className="space-y-2 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
                >
                  <p>
                    <strong>Revision {entry.number}</strong> · {entry.author ?? "outside the editor"} ·{" "}
                    <LocalTime value={entry.createdAt} /> · {entry.reason}
                    {i === 0 ? " (current)" : ""}
                  </p>
                  {entry.changed.length ? (
                    <p className="text-slate-600 dark:text-slate-400">
                      Changed: {entry.changed.map(fieldLabel).join(", ")}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap items-center gap-3">
                    {after && before ? (
                      <details>
                        <summary className="cursor-pointer text-brand-700 dark:text-brand-100">What changed</summary>
                        <div className="mt-2">
                          <RevisionDiff before={before} after={after} />
                        </div>
                      </details>
                    ) : null}
                    {i > 0 && after ? (
                      <RestoreRevisionButton
                        url={`/api/admin/questions/${question.slug}/revisions/${entry.number}/restore`}
                        body={{ revision: question.revision }}
                        number={entry.number}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No revisions yet: the first save here records the question as it was, then your change.
          </p>
        )}
      </section>
    </div>
  );
}
