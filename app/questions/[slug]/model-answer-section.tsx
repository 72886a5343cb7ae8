// The model answer and its key points, folded away so the user can try answering first.
import { Markdown } from "@/components/questions/markdown";
import type { QuestionDetail } from "@/lib/schemas/questions";

/** The panel's id, for the visitor's "Compare with the model answer" (components/practice/try-answer.tsx). */
export const MODEL_ANSWER_ID = "model-answer-panel";

type Props = { question: Pick<QuestionDetail, "keyPoints" | "modelAnswer"> };

export function ModelAnswerSection({ question }: Props) {
  return (
    <details id={MODEL_ANSWER_ID} className="group rounded-lg border border-slate-200 dark:border-slate-800">
      <summary className="cursor-pointer list-none rounded-lg px-4 py-3 font-medium hover:bg-slate-50 dark:hover:bg-slate-900 [&::-webkit-details-marker]:hidden">
        <span className="group-open:hidden">Show the model answer</span>
        <span className="hidden group-open:inline">Hide the model answer</span>
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">Try answering first.</span>
      </summary>
      <div className="space-y-6 border-t border-slate-200 px-4 py-4 dark:border-slate-800">
        {question.keyPoints.length ? (
          <section aria-labelledby="key-points">
            <h2
              id="key-points"
              className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400"
            >
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
            <p className="text-sm text-slate-600 dark:text-slate-400">
              This imported question has no model answer yet.
            </p>
          )}
        </section>
      </div>
    </details>
  );
}
