import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReviewHeader } from "./review-header";
import { ReviewQuestion } from "./review-question";
import { ReviewTotals, ScoringNote } from "./review-totals";
import { notesFor } from "@/lib/data/notes";
import { interviewFeedback } from "@/lib/data/ai-feedback";
import { aiSettings } from "@/lib/ai/model";
import { transcriptionMode } from "@/lib/speech/transcriber";
import { requireUser } from "@/lib/auth/session";
import { loadOwnInterview, loadRecordings } from "../load";

export const metadata: Metadata = { title: "Interview review" };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const interview = await loadOwnInterview(id);
  if (!interview.review) redirect(`/interviews/${id}`);
  const review = interview.review;
  const user = await requireUser();
  const ai = aiSettings();
  const [notes, recordings, feedback] = await Promise.all([
    notesFor(
      user.id,
      interview.questions.map((q) => q.id),
    ),
    loadRecordings(id),
    ai ? interviewFeedback(user.id, id) : ({} as Awaited<ReturnType<typeof interviewFeedback>>),
  ]);

  return (
    <div className="space-y-8">
      <ReviewHeader interview={interview} />
      <ReviewTotals review={review} withCoding={interview.questions.some((q) => q.coding)} />
      <ScoringNote />
      <ol className="space-y-10">
        {interview.questions.map((question, index) => (
          <ReviewQuestion
            key={question.id}
            interview={interview}
            index={index}
            question={question}
            item={review.items.find((i) => i.questionId === question.id)!}
            answer={interview.answers.find((a) => a.questionId === question.id)!}
            note={notes.get(question.id) ?? null}
            recording={recordings[question.id] ?? null}
            ai={ai && { settings: ai, thread: feedback[question.id] ?? [], transcription: transcriptionMode() }}
          />
        ))}
      </ol>
    </div>
  );
}
