// The review's totals (the score and coverage by topic) and the note on what that score means.
import { percent } from "@/components/interview/format";
import { Alert } from "@/components/ui/alert";
import type { InterviewView } from "@/lib/schemas/interviews";

type Props = { review: NonNullable<InterviewView["review"]>; withCoding: boolean };

export function ReviewTotals({ review, withCoding }: Props) {
  return (
    <section aria-labelledby="totals" className="grid gap-4 sm:grid-cols-[12rem_1fr]">
      <h2 id="totals" className="sr-only">
        Totals
      </h2>
      <div className="rounded-lg border border-slate-200 p-4 text-center dark:border-slate-800">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {withCoding ? "Score (coverage and tests)" : "Key point coverage"}
        </p>
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
  );
}

export function ScoringNote() {
  return (
    <Alert>
      Coverage is a hint, not a grade: for each key point it quotes what it heard in your answer and names what it did
      not hear. It listens for the right ideas, not for whether your reasoning holds together. Coding answers score the
      share of their tests that passed instead. The score is the mean over the questions you answered: a skipped
      question is not counted as wrong, it is shown as skipped and goes to your revision queue. Rate yourself on each
      answer below.
    </Alert>
  );
}
