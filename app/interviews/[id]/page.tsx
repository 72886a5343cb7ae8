import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";
import { Markdown } from "@/components/questions/markdown";
import { transcriptionMode } from "@/lib/speech/transcriber";
import { loadOwnInterview, loadRecordings } from "./load";

export const metadata: Metadata = { title: "Interview in progress" };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const interview = await loadOwnInterview(id);
  if (interview.status !== "in_progress") redirect(`/interviews/${id}/review`);
  const recordings = await loadRecordings(id);
  // Each prompt rendered as the question page renders it (same component: inline code, code blocks, copy buttons).
  const prompts = Object.fromEntries(
    interview.questions
      .filter((q) => q.prompt.trim() !== q.title.trim())
      .map((q) => [q.id, <Markdown key={q.id} id={`prompt-${q.id}`} source={q.prompt} />] as const),
  );
  return (
    <InterviewRoom
      interview={interview}
      prompts={prompts}
      recordings={recordings}
      transcription={transcriptionMode()}
    />
  );
}
