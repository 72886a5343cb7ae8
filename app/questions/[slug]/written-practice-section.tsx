// The question page's "practise" section for a written question: the practice panel for a signed-in user,
// a scratch answer to compare with the model answer for everyone else.
import { PracticePanel } from "@/components/practice/practice-panel";
import { TryAnswer } from "@/components/practice/try-answer";
import { MODEL_ANSWER_ID } from "./model-answer-section";
import type { AiSettings, Feedback } from "@/components/ai/ai-feedback";
import type { RecordingView } from "@/lib/data/recordings";
import type { PracticeAnswerView } from "@/lib/schemas/practice";
import { transcriptionMode } from "@/lib/speech/transcriber";
import type { QuestionDetail } from "@/lib/schemas/questions";

type Props = {
  question: Pick<QuestionDetail, "slug" | "kind" | "modelAnswer" | "keyPoints">;
  practice: PracticeAnswerView | null;
  recording: RecordingView | null;
  ai: { settings: AiSettings; thread: Feedback[] } | null;
};

export function WrittenPracticeSection({ question, practice, recording, ai }: Props) {
  return (
    <section aria-labelledby="practice" className="space-y-3">
      <h2 id="practice" className="text-lg font-semibold">
        Practise
      </h2>
      {practice ? (
        <PracticePanel
          slug={question.slug}
          kind={question.kind}
          modelAnswer={question.modelAnswer}
          initial={practice}
          spoken={{ initial: recording, transcription: transcriptionMode() }}
          ai={ai ? { ...ai, keyPoints: question.keyPoints } : undefined}
        />
      ) : (
        <TryAnswer slug={question.slug} modelAnswerId={MODEL_ANSWER_ID} />
      )}
    </section>
  );
}
