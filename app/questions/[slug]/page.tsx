import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CodingPracticeSection } from "./coding-practice-section";
import { DifficultyBadge } from "@/components/questions/question-card";
import { Markdown } from "@/components/questions/markdown";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { NoteEditor } from "@/components/notes/note-editor";
import { PracticePanel } from "@/components/practice/practice-panel";
import { QuestionActions } from "@/components/questions/question-actions";
import { questionWorkspace } from "@/lib/data/sets";
import { getQuestion } from "@/lib/data/questions";
import { runningTimedInterview, WITHHELD_NOTE } from "@/lib/data/withheld";
import { getCurrentUser } from "@/lib/auth/session";
import { slugSchema } from "@/lib/schemas/content";

type Params = Promise<{ slug: string }>;

const load = cache(async (slug: string) => (slugSchema.safeParse(slug).success ? getQuestion(slug) : null));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const question = await load((await params).slug);
  return { title: question?.title ?? "Question not found" };
}

const frequency = ["", "sometimes", "often", "very often"];

export default async function QuestionPage({ params }: { params: Params }) {
  const question = await load((await params).slug);
  if (!question) notFound();
  const user = await getCurrentUser();
  const [workspace, running] = user ? await Promise.all([questionWorkspace(user.id, question.slug), runningTimedInterview(user.id)]) : [null, null];
  // Its model answer, key points and practice wait while the user's timed interview asks it (lib/data/withheld.ts).
  const withheld = running?.slugs.has(question.slug) ?? false;
  return (
    <article className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0 space-y-6">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/questions" className="hover:underline">
            Questions
          </Link>{" "}
          /{" "}
          <Link href={`/questions?topic=${question.topic.slug}`} className="hover:underline">
            {question.topic.name}
          </Link>
        </nav>
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold">{question.title}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <DifficultyBadge difficulty={question.difficulty} />
            {question.kind === "coding" ? <Badge tone="brand">Coding</Badge> : <Badge>Written</Badge>}
            <span className="text-slate-600 dark:text-slate-400">about {question.estimatedMinutes} min</span>
          </div>
        </header>
        {workspace ? (
          <QuestionActions slug={question.slug} bookmarked={workspace.membership.bookmarked} sets={workspace.membership.sets} queuedDue={workspace.queued?.due ?? null} />
        ) : null}
        {question.archived ? <Alert>This question was retired from the bank. It stays here for your history.</Alert> : null}
        {question.prompt.trim() !== question.title.trim() ? <Markdown id="prompt" source={question.prompt} /> : null}
        {withheld ? (
          <Alert>
            {WITHHELD_NOTE}{" "}
            <Link href={`/interviews/${running!.id}`} className="font-medium underline">
              Back to the interview
            </Link>
          </Alert>
        ) : null}
        {question.kind === "coding" && !withheld ? <CodingPracticeSection slug={question.slug} /> : null}

        {question.kind === "written" && !withheld ? (
          <section aria-labelledby="practice" className="space-y-3">
            <h2 id="practice" className="text-lg font-semibold">
              Practise
            </h2>
            {workspace ? (
              <PracticePanel slug={question.slug} kind={question.kind} modelAnswer={question.modelAnswer} initial={workspace.practice} />
            ) : (
              <SignInToUse what="Write your answer, save versions, see which key points you covered and rate yourself." returnTo={`/questions/${question.slug}`} />
            )}
          </section>
        ) : null}

        {withheld ? null : (
        <details className="group rounded-lg border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer list-none rounded-lg px-4 py-3 font-medium hover:bg-slate-50 dark:hover:bg-slate-900 [&::-webkit-details-marker]:hidden">
            <span className="group-open:hidden">Show the model answer</span>
            <span className="hidden group-open:inline">Hide the model answer</span>
            <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">Try answering first.</span>
          </summary>
          <div className="space-y-6 border-t border-slate-200 px-4 py-4 dark:border-slate-800">
            {question.keyPoints.length ? (
              <section aria-labelledby="key-points">
                <h2 id="key-points" className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  Key points a good answer covers
                </h2>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                  {question.keyPoints.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-labelledby="model-answer">
              <h2 id="model-answer" className="sr-only">
                Model answer
              </h2>
              {question.modelAnswer ? (
                <Markdown id="answer" source={question.modelAnswer} />
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">This imported question has no model answer yet.</p>
              )}
            </section>
          </div>
        </details>
        )}

        {workspace ? (
          <section aria-labelledby="note" className="space-y-3">
            <h2 id="note" className="text-lg font-semibold">
              Your note
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">Private to you. Markdown works; it saves as you type.</p>
            <NoteEditor slug={question.slug} initial={workspace.note} />
          </section>
        ) : null}
      </div>

      <aside className="space-y-6 text-sm">
        {question.companies.length ? (
          <section aria-labelledby="asked-by">
            <h2 id="asked-by" className="font-semibold">
              Practice formats that ask it
            </h2>
            <ul className="mt-2 space-y-1">
              {question.companies.map((company) => (
                <li key={company.slug}>
                  <Link href={`/companies/${company.slug}`} className="hover:underline">
                    {company.name}
                  </Link>
                  {company.frequency ? <span className="text-slate-600 dark:text-slate-400"> · {frequency[company.frequency]}</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {question.tags.length ? (
          <section aria-labelledby="tags">
            <h2 id="tags" className="font-semibold">
              Tags
            </h2>
            <p className="mt-2 flex flex-wrap gap-1">
              {question.tags.map((tag) => (
                <Link key={tag} href={`/questions?tag=${tag}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs hover:underline dark:bg-slate-800">
                  #{tag}
                </Link>
              ))}
            </p>
          </section>
        ) : null}
        {question.related.length ? (
          <section aria-labelledby="related">
            <h2 id="related" className="font-semibold">
              Related questions
            </h2>
            <ul className="mt-2 space-y-2">
              {question.related.map((related) => (
                <li key={related.slug}>
                  <Link href={`/questions/${related.slug}`} className="hover:underline">
                    {related.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </aside>
    </article>
  );
}
