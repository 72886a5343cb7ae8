import { KeyPointVerdicts } from "@/components/interview/key-point-verdicts";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ReviewTests } from "@/components/coding/review-tests";
import { RatingButtons } from "@/components/interview/rating-buttons";
import { formatDuration, percent } from "@/components/interview/format";
import { Markdown } from "@/components/questions/markdown";
import { Alert } from "@/components/ui/alert";
import { NoteEditor } from "@/components/notes/note-editor";
import { notesFor } from "@/lib/data/notes";
import { WITHHELD_NOTE } from "@/lib/data/withheld";
import { requireUser } from "@/lib/auth/session";
import { loadOwnInterview } from "../load";

export const metadata: Metadata = { title: "Interview review" };

const statusText = { finished: "Finished", expired: "Time ran out", abandoned: "Abandoned", in_progress: "In progress" } as const;

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const interview = await loadOwnInterview(id);
  if (!interview.review) redirect(`/interviews/${id}`);
  const review = interview.review;
  const user = await requireUser();
  const notes = await notesFor(user.id, interview.questions.map((q) => q.id));
  const took = interview.endedAt ? new Date(interview.endedAt).getTime() - new Date(interview.startedAt).getTime() : 0;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/interviews" className="hover:underline">
            Interviews
          </Link>
        </nav>
        <h1 className="text-2xl font-semibold">{interview.title}: review</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {statusText[interview.status]} · {interview.mode} · {formatDuration(took / 1000)} · started {new Date(interview.startedAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC
        </p>
      </header>

      <section aria-labelledby="totals" className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <h2 id="totals" className="sr-only">
          Totals
        </h2>
        <div className="rounded-lg border border-slate-200 p-4 text-center dark:border-slate-800">
          <p className="text-xs text-slate-600 dark:text-slate-400">{interview.questions.some((q) => q.coding) ? "Score (coverage and tests)" : "Key point coverage"}</p>
          <p className="text-3xl font-bold">{review.score === null ? "—" : percent(review.score)}</p>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="answered-count">
            {review.answered} of {review.questions} answered
          </p>
        </div>
        <table className="text-sm">
          <caption className="sr-only">Coverage by topic</caption>
          <thead>
            <tr className="text-left text-slate-600 dark:text-slate-400">
              <th className="py-1 font-medium">Topic</th>
              <th className="py-1 font-medium">Questions</th>
              <th className="py-1 font-medium">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {review.byTopic.map((t) => (
              <tr key={t.topic} className="border-t border-slate-200 dark:border-slate-800">
                <td className="py-1">{t.topic}</td>
                <td className="py-1">{t.questions}</td>
                <td className="py-1">{percent(t.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Alert>
        Coverage is a hint, not a grade: for each key point it quotes what it heard in your answer and names what it did not hear. It listens for
        the right ideas, not for whether your reasoning holds together. Coding answers score the share of their tests that passed instead. The
        score is the mean over the questions you answered: a skipped question is not counted as wrong, it is shown as skipped and goes to your
        revision queue. Rate yourself on each answer below.
      </Alert>

      <ol className="space-y-10">
        {interview.questions.map((question, index) => {
          const item = review.items.find((i) => i.questionId === question.id)!;
          const answer = interview.answers.find((a) => a.questionId === question.id)!;
          return (
            <li key={question.id} className="space-y-4 border-t border-slate-200 pt-6 dark:border-slate-800">
              <h2 className="text-lg font-semibold">
                {index + 1}. {question.title}
              </h2>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {question.topic} · {item.difficulty} · time spent {formatDuration(item.timeSpentSeconds)}
                {item.flagged ? " · flagged" : ""}
                {item.skipped && interview.status !== "abandoned" ? " · skipped: not scored" : ""}
              </p>
              <div className="grid gap-4 lg:grid-cols-2">
                <section aria-label="Your answer" className="min-w-0 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                  <h3 className="mb-2 text-sm font-semibold">Your answer</h3>
                  {answer.content.trim() ? (
                    <Markdown id={`mine-${question.id}`} source={question.coding ? "```python\n" + answer.content + "\n```" : answer.content} />
                  ) : <p className="text-sm italic text-slate-600 dark:text-slate-400">No answer submitted.</p>}
                  {answer.lateContent ? (
                    <div className="mt-3 rounded border border-amber-300 p-2 text-sm dark:border-amber-700">
                      <p className="font-medium">Not submitted (arrived after time was up):</p>
                      <pre className="mt-1 whitespace-pre-wrap">{answer.lateContent}</pre>
                    </div>
                  ) : null}
                </section>
                <section aria-label="Model answer" className="min-w-0 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                  <h3 className="mb-2 text-sm font-semibold">Model answer</h3>
                  {item.withheld ? (
                    <p className="text-sm">{WITHHELD_NOTE}</p>
                  ) : item.modelAnswer ? (
                    <Markdown id={`model-${question.id}`} source={item.modelAnswer} />
                  ) : (
                    <p className="text-sm">No model answer yet.</p>
                  )}
                </section>
              </div>
              {question.coding ? (
                <ReviewTests interviewId={interview.id} results={item.testResults} answered={Boolean(answer.content.trim())} scored={interview.status !== "abandoned"} />
              ) : null}
              {item.coverage.length ? (
                <section aria-label="Key points">
                  <h3 className="text-sm font-semibold">Key points ({item.coverage.filter((c) => c.covered).length} of {item.coverage.length} covered)</h3>
                  <KeyPointVerdicts coverage={item.coverage} />
                  {item.rubricDerived ? (
                    <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                      This question was imported: what is listened for was derived from its key points automatically, so these verdicts are rougher.
                    </p>
                  ) : null}
                </section>
              ) : item.skipped && item.keyPoints.length ? (
                <section aria-label="Key points">
                  <h3 className="text-sm font-semibold">Key points to cover</h3>
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                    {item.keyPoints.map((point) => (
                      <li key={point}>{point}</li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <RatingButtons interviewId={interview.id} questionId={question.id} initial={item.rating} />
              <details className="rounded-md border border-slate-200 dark:border-slate-800" open={notes.has(question.id) || undefined}>
                <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{notes.has(question.id) ? "Your note" : "Add a note"}</summary>
                <div className="border-t border-slate-200 p-3 dark:border-slate-800">
                  <NoteEditor slug={question.slug} initial={notes.get(question.id) ?? null} compact />
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
