// One question of the review: what the user answered next to the model answer, how it scored, their
// self-rating and their note on it.
import { ModelAnswer, type ReviewItem, YourAnswer } from "./review-answers";
import { ReviewTests } from "@/components/coding/review-tests";
import { formatDuration } from "@/components/interview/format";
import { KeyPointVerdicts } from "@/components/interview/key-point-verdicts";
import { RatingButtons } from "@/components/interview/rating-buttons";
import { NoteEditor } from "@/components/notes/note-editor";
import { AiFeedback, type AiSettings, type Feedback } from "@/components/ai/ai-feedback";
import { SpeakingFigures } from "@/components/speech/speaking-figures";
import type { Transcription } from "@/components/speech/spoken-answer";
import type { RecordingView } from "@/lib/data/recordings";
import type { InterviewView } from "@/lib/schemas/interviews";

type Note = { content: string; revision: number };

type Props = {
  interview: Pick<InterviewView, "id" | "status">;
  index: number;
  question: InterviewView["questions"][number];
  item: ReviewItem;
  answer: InterviewView["answers"][number];
  note: Note | null;
  /** The answer spoken aloud, when it was (issue #25). */
  recording: RecordingView | null;
  /** Optional AI feedback (only when a model is configured), and its thread so far. */
  ai: { settings: AiSettings; thread: Feedback[]; transcription: Transcription } | null;
};

export function ReviewQuestion({ interview, index, question, item, answer, note, recording, ai }: Props) {
  return (
    <li className="space-y-4 border-t border-slate-200 pt-6 dark:border-slate-800">
      <h2 className="text-lg font-semibold">
        {index + 1}. {question.title}
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {question.topic} · {item.difficulty} · time spent {formatDuration(item.timeSpentSeconds)}
        {item.flagged ? " · flagged" : ""}
        {item.skipped && interview.status !== "abandoned" ? " · skipped: not scored" : ""}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <YourAnswer question={question} answer={answer} />
          {recording ? (
            <section aria-label="Your spoken answer" className="space-y-2">
              <h3 className="text-sm font-semibold">Your spoken answer</h3>
              <audio controls preload="none" src={recording.url} aria-label="Your recording" className="h-9 w-full" />
              <SpeakingFigures figures={recording.figures} explain />
            </section>
          ) : null}
        </div>
        <ModelAnswer questionId={question.id} item={item} />
      </div>
      {question.coding ? (
        <ReviewTests
          interviewId={interview.id}
          results={item.testResults}
          answered={Boolean(answer.content.trim())}
          scored={interview.status !== "abandoned"}
        />
      ) : null}
      <KeyPointsSection item={item} />
      {ai && !question.coding && question.kind !== "coding" && answer.content.trim() ? (
        <AiFeedback
          requestUrl={`/api/interviews/${interview.id}/answers/${question.id}/feedback`}
          initial={ai.thread}
          settings={ai.settings}
          keyPoints={item.keyPoints}
          transcription={ai.transcription}
        />
      ) : null}
      <RatingButtons interviewId={interview.id} questionId={question.id} initial={item.rating} />
      <details className="rounded-md border border-slate-200 dark:border-slate-800" open={note !== null || undefined}>
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
          {note !== null ? "Your note" : "Add a note"}
        </summary>
        <div className="border-t border-slate-200 p-3 dark:border-slate-800">
          <NoteEditor slug={question.slug} initial={note} compact />
        </div>
      </details>
    </li>
  );
}

/** The key points' verdicts on an answer; for a skipped question, the points it should have covered. */
function KeyPointsSection({ item }: { item: ReviewItem }) {
  if (item.coverage.length) {
    return (
      <section aria-label="Key points">
        <h3 className="text-sm font-semibold">
          Key points ({item.coverage.filter((c) => c.covered).length} of {item.coverage.length} covered)
        </h3>
        <KeyPointVerdicts coverage={item.coverage} />
        {item.rubricDerived ? (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            This question was imported: what is listened for was derived from its key points automatically, so these
            verdicts are rougher.
          </p>
        ) : null}
      </section>
    );
  }
  if (item.skipped && item.keyPoints.length) {
    return (
      <section aria-label="Key points">
        <h3 className="text-sm font-semibold">Key points to cover</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {item.keyPoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      </section>
    );
  }
  return null;
}
