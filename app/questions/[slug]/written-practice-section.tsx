// The question page's "practise" section for a written question: the practice panel for a signed-in user,
// a sign-in prompt for everyone else.
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { PracticePanel } from "@/components/practice/practice-panel";
import type { PracticeAnswerView } from "@/lib/schemas/practice";
import type { QuestionDetail } from "@/lib/schemas/questions";

type Props = { question: Pick<QuestionDetail, "slug" | "kind" | "modelAnswer">; practice: PracticeAnswerView | null };

export function WrittenPracticeSection({ question, practice }: Props) {
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
        />
      ) : (
        <SignInToUse
          what="Write your answer, save versions, see which key points you covered and rate yourself."
          returnTo={`/questions/${question.slug}`}
        />
      )}
    </section>
  );
}
