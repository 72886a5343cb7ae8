"use client";
// Optional AI feedback (issue #25), beside the rubric's verdicts: asked for on demand, labelled as the model's,
// with the evidence it quoted, what is missing, a better sentence and its follow-up question; the user answers
// the follow-up and the thread goes on. Says what is sent where before anything is.
import { useId, useState } from "react";
import type * as z from "zod/mini";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { apiFetch } from "@/lib/client/api";
import { aiFeedbackAnswer } from "@/lib/schemas/responses";
import { SpeakInto } from "@/components/speech/speak-into";
import type { Transcription } from "@/components/speech/spoken-answer";

export type Feedback = z.infer<typeof aiFeedbackAnswer>;
export type AiSettings = { model: string; host: string };

const verdictLabel = {
  covered: ["Covered", "text-emerald-800 dark:text-emerald-300"],
  partly: ["Partly", "text-amber-800 dark:text-amber-300"],
  missing: ["Missing", "text-slate-700 dark:text-slate-300"],
  wrong: ["Wrong", "text-rose-700 dark:text-rose-400"],
} as const;

export function AiFeedback({
  requestUrl,
  initial,
  settings,
  keyPoints,
  what = "your answer",
  answerNow,
  transcription = "none",
}: {
  /** POST here for feedback on the answer. */
  requestUrl: string;
  initial: Feedback[];
  settings: AiSettings;
  /** The question's key points, in the order the model numbers them. */
  keyPoints: string[];
  what?: string;
  /** The answer as saved now (practice): feedback can be asked again once it differs from the last one judged. */
  answerNow?: string;
  /** How a spoken answer to a follow-up is turned into text. */
  transcription?: Transcription;
}) {
  const id = useId();
  const [thread, setThread] = useState(initial);
  const [pending, setPending] = useState<"ask" | "follow-up" | null>(null);
  const [error, setError] = useState<{ message: string; retry: () => void } | null>(null);
  const [reply, setReply] = useState("");

  async function ask() {
    setPending("ask");
    setError(null);
    const result = await apiFetch(requestUrl, { method: "POST", schema: aiFeedbackAnswer });
    setPending(null);
    if (result.ok) setThread((t) => [...t, result.data]);
    else setError({ message: result.error.messageOr("The AI feedback did not come."), retry: () => void ask() });
  }

  async function answerFollowUp(parent: Feedback) {
    setPending("follow-up");
    setError(null);
    const result = await apiFetch(`/api/feedback/${parent.id}/follow-up`, {
      method: "POST",
      body: { answer: reply },
      schema: aiFeedbackAnswer,
    });
    setPending(null);
    if (result.ok) {
      setThread((t) => [...t, result.data]);
      setReply("");
    } else
      setError({
        message: result.error.field("answer") ?? result.error.messageOr("The AI feedback did not come."),
        retry: () => void answerFollowUp(parent),
      });
  }

  const last = thread.at(-1);
  const lastJudged = thread.findLast((f) => f.parentId === null);
  const canAsk = !lastJudged || (answerNow !== undefined && answerNow.trim() !== "" && answerNow !== lastJudged.answer);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-md border border-violet-200 p-3 dark:border-violet-900"
    >
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        AI feedback{" "}
        <span className="font-normal text-slate-600 dark:text-slate-400">· optional, from {settings.model}</span>
      </h3>
      {thread.length ? (
        <ol className="space-y-4">
          {thread.map((item) => (
            <li key={item.id}>
              <FeedbackCard item={item} keyPoints={item.parentId ? [] : keyPoints} />
            </li>
          ))}
        </ol>
      ) : null}
      {canAsk ? (
        <div className="space-y-2 text-sm">
          <p className="max-w-prose text-slate-700 dark:text-slate-300">
            Sends the question, its key points, the model answer and {what} to <strong>{settings.host}</strong> (model{" "}
            {settings.model}) and shows what it says beside the score above, which it does not change.
          </p>
          <Button type="button" onClick={() => void ask()} disabled={pending !== null}>
            {pending === "ask"
              ? `Asking ${settings.model}… this can take a minute`
              : lastJudged
                ? "Get AI feedback on the saved answer"
                : "Get AI feedback"}
          </Button>
        </div>
      ) : null}
      {last && !canAsk ? (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            void answerFollowUp(last);
          }}
        >
          <label htmlFor={`${id}-reply`} className="block text-sm font-medium">
            Your answer to the follow-up: “{last.output.followUp}”
          </label>
          <textarea
            id={`${id}-reply`}
            value={reply}
            onChange={(event) => setReply(event.currentTarget.value)}
            rows={4}
            maxLength={20_000}
            className="w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          />
          <SpeakInto
            transcription={transcription}
            onText={(text) => setReply((r) => (r.trim() ? `${r.trimEnd()} ${text}` : text))}
          />
          <Button type="submit" disabled={pending !== null || reply.trim().length < 3}>
            {pending === "follow-up" ? `Asking ${settings.model}…` : "Send answer"}
          </Button>
        </form>
      ) : null}
      {error ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-rose-700 dark:text-rose-400">
          <span>{error.message}</span>
          <button type="button" className="underline" onClick={error.retry}>
            Try again
          </button>
        </div>
      ) : null}
    </section>
  );
}

function FeedbackCard({ item, keyPoints }: { item: Feedback; keyPoints: string[] }) {
  const { dateTime } = useFormat();
  const { output } = item;
  return (
    <article
      className="space-y-3 text-sm"
      aria-label={item.parentId ? "AI feedback on your follow-up answer" : "AI feedback on your answer"}
    >
      <p className="text-xs text-slate-600 dark:text-slate-400">
        AI feedback · {item.model} · {dateTime(item.createdAt)}
      </p>
      {item.parentId ? (
        <div className="space-y-1 border-l-2 border-violet-300 pl-3 dark:border-violet-800">
          <p>
            <span className="font-medium">Follow-up:</span> {item.asked}
          </p>
          <p className="whitespace-pre-wrap">
            <span className="font-medium">You answered:</span> {item.answer}
          </p>
        </div>
      ) : null}
      {output.keyPoints.length ? (
        <ul className="space-y-1.5">
          {output.keyPoints.map((p) => {
            const [label, tone] = verdictLabel[p.verdict];
            return (
              <li key={p.point}>
                <span className={`font-medium ${tone}`}>{label}:</span> {keyPoints[p.point - 1] ?? `Point ${p.point}`}
                {p.evidence ? (
                  <>
                    {" "}
                    — <q className="italic">{p.evidence}</q>
                  </>
                ) : null}
                {p.comment ? <span className="text-slate-600 dark:text-slate-400"> {p.comment}</span> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {output.missingOrWrong.length ? (
        <div>
          <p className="font-medium">Missing or wrong</p>
          <ul className="list-disc pl-5">
            {output.missingOrWrong.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {output.improved ? (
        <div>
          <p className="font-medium">Say it better</p>
          <p className="text-slate-600 line-through decoration-slate-400 dark:text-slate-400">
            {output.improved.original}
          </p>
          <p>{output.improved.better}</p>
        </div>
      ) : null}
      <p>
        <span className="font-medium">Follow-up question:</span> {output.followUp}
      </p>
    </article>
  );
}
