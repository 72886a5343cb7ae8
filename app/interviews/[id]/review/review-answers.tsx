// The user's answer and the model answer, shown side by side in the review.
import { Markdown } from "@/components/questions/markdown";
import { WITHHELD_NOTE } from "@/lib/data/withheld";
import type { InterviewView } from "@/lib/schemas/interviews";

export type ReviewItem = NonNullable<InterviewView["review"]>["items"][number];

type YourAnswerProps = {
  question: Pick<InterviewView["questions"][number], "id" | "coding">;
  answer: InterviewView["answers"][number];
};

export function YourAnswer({ question, answer }: YourAnswerProps) {
  return (
    <section aria-label="Your answer" className="min-w-0 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="mb-2 text-sm font-semibold">Your answer</h3>
      {answer.content.trim() ? (
        <Markdown
          id={`mine-${question.id}`}
          source={question.coding ? "```" + question.coding.language + "\n" + answer.content + "\n```" : answer.content}
        />
      ) : (
        <p className="text-sm text-slate-600 italic dark:text-slate-400">No answer submitted.</p>
      )}
      {answer.lateContent ? (
        <div className="mt-3 rounded border border-amber-300 p-2 text-sm dark:border-amber-700">
          <p className="font-medium">Not submitted (arrived after time was up):</p>
          <pre className="mt-1 whitespace-pre-wrap">{answer.lateContent}</pre>
        </div>
      ) : null}
    </section>
  );
}

export function ModelAnswer({ questionId, item }: { questionId: string; item: ReviewItem }) {
  return (
    <section aria-label="Model answer" className="min-w-0 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h3 className="mb-2 text-sm font-semibold">Model answer</h3>
      {item.withheld ? (
        <p className="text-sm">{WITHHELD_NOTE}</p>
      ) : item.modelAnswer ? (
        <Markdown id={`model-${questionId}`} source={item.modelAnswer} />
      ) : (
        <p className="text-sm">No model answer yet.</p>
      )}
    </section>
  );
}
