import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CodingPracticeSection } from "./coding-practice-section";
import { ModelAnswerSection } from "./model-answer-section";
import { movedForGood } from "./moved";
import { NoteSection } from "./note-section";
import { QuestionHeader } from "./question-header";
import { QuestionSidebar } from "./question-sidebar";
import { WithheldNotice } from "./withheld-notice";
import { WrittenPracticeSection } from "./written-practice-section";
import { Markdown } from "@/components/questions/markdown";
import { Alert } from "@/components/ui/alert";
import { QuestionActions } from "@/components/questions/question-actions";
import { ReportProblem } from "@/components/reports/report-problem";
import { questionWorkspace } from "@/lib/data/question-workspace";
import { practiceFeedback } from "@/lib/data/ai-feedback";
import { aiSettings } from "@/lib/ai/model";
import { getQuestion, questionMovedTo } from "@/lib/data/questions";
import { getCurrentUser } from "@/lib/auth/session";
import { slugSchema } from "@/lib/schemas/content";

type Params = Promise<{ slug: string }>;

// A merged question's old slug (or its archived row) leads to the kept question, for good (seed/merge.ts).
const load = cache(async (slug: string) => {
  if (!slugSchema.safeParse(slug).success) return null;
  const question = await getQuestion(slug);
  const movedTo = !question || question.archived ? await questionMovedTo(slug) : null;
  if (movedTo) movedForGood(`/questions/${movedTo}`);
  return question;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const question = await load((await params).slug);
  return { title: question?.title ?? "Question not found" };
}

export default async function QuestionPage({ params }: { params: Params }) {
  const question = await load((await params).slug);
  if (!question) notFound();
  const user = await getCurrentUser();
  const workspace = user ? await questionWorkspace(user.id, question.slug) : null;
  // Optional AI feedback on the practice answer: only with a model configured, for a signed-in user.
  const ai = user && question.kind === "written" ? aiSettings() : null;
  const aiThread = ai && user ? await practiceFeedback(user.id, question.slug) : [];
  // Its model answer, key points and practice wait while the user's timed interview asks it (lib/data/withheld.ts).
  const withheldBy = workspace?.withheldBy ?? null;
  const withheld = withheldBy !== null;
  return (
    <article className="grid gap-8 lg:grid-cols-[1fr_16rem]">
      <div className="min-w-0 space-y-6">
        <QuestionHeader question={question} />
        {workspace ? (
          <QuestionActions
            slug={question.slug}
            bookmarked={workspace.membership.bookmarked}
            sets={workspace.membership.sets}
            queuedDue={workspace.queued?.due ?? null}
          />
        ) : null}
        {question.archived ? (
          <Alert>This question was retired from the bank. It stays here for your history.</Alert>
        ) : null}
        {question.prompt.trim() !== question.title.trim() ? <Markdown id="prompt" source={question.prompt} /> : null}
        {withheld ? <WithheldNotice interviewId={withheldBy.id} /> : null}
        {question.kind === "coding" && !withheld ? <CodingPracticeSection slug={question.slug} /> : null}
        {question.kind === "written" && !withheld ? (
          <WrittenPracticeSection
            question={question}
            practice={workspace?.practice ?? null}
            recording={workspace?.recording ?? null}
            ai={ai && { settings: ai, thread: aiThread }}
          />
        ) : null}
        {withheld ? null : <ModelAnswerSection question={question} />}
        {workspace ? <NoteSection slug={question.slug} note={workspace.note} /> : null}
        {workspace && !question.archived ? <ReportProblem slug={question.slug} initial={workspace.report} /> : null}
      </div>
      <QuestionSidebar question={question} />
    </article>
  );
}
