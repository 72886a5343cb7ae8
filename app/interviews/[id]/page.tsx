import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";
import { renderMarkdown } from "@/lib/content/markdown/server";
import { loadOwnInterview } from "./load";

export const metadata: Metadata = { title: "Interview in progress" };

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const interview = await loadOwnInterview(id);
  if (interview.status !== "in_progress") redirect(`/interviews/${id}/review`);
  const promptsHtml = Object.fromEntries(
    await Promise.all(
      interview.questions
        .filter((q) => q.prompt.trim() !== q.title.trim())
        .map(async (q) => [q.id, await renderMarkdown(q.prompt)] as const),
    ),
  );
  return <InterviewRoom interview={interview} promptsHtml={promptsHtml} />;
}
