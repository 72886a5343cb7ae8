import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { InterviewRoom } from "@/components/interview/interview-room";
import { getInterview } from "@/lib/data/interviews";
import { AppError } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { requireUser } from "@/lib/session";

export const metadata: Metadata = { title: "Interview in progress" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const interview = await getInterview(user.id, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (interview.status !== "in_progress") redirect(`/interviews/${id}/review`);
  const promptsHtml = Object.fromEntries(
    await Promise.all(interview.questions.filter((q) => q.prompt.trim() !== q.title.trim()).map(async (q) => [q.id, await renderMarkdown(q.prompt)] as const)),
  );
  return <InterviewRoom interview={interview} promptsHtml={promptsHtml} />;
}
