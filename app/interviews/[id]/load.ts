import "server-only";
import { notFound } from "next/navigation";
import { getInterview } from "@/lib/data/interviews";
import { interviewRecordings, type RecordingView } from "@/lib/data/recordings";
import { AppError } from "@/lib/http/errors";
import { isUuid } from "@/lib/http/ids";
import { requireUser } from "@/lib/auth/session";

/** The signed-in user's interview for a page: sign-in redirect, or 404 for unknown and others' ids. */
export async function loadOwnInterview(id: string) {
  const user = await requireUser();
  if (!isUuid(id)) notFound();
  return getInterview(user.id, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}

/** The recordings of the user's answers in this interview (no audio), by question id, for the room and review. */
export async function loadRecordings(id: string): Promise<Record<string, RecordingView>> {
  const user = await requireUser();
  return Object.fromEntries(await interviewRecordings(user.id, id));
}
