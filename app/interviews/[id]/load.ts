import "server-only";
import { notFound } from "next/navigation";
import { getInterview } from "@/lib/data/interviews";
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
