"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { startTopicInterview } from "@/lib/data/interviews";
import { setTimeMultiplier } from "@/lib/data/users";
import { AppError } from "@/lib/http/errors";
import { timeMultiplierSchema } from "@/lib/schemas/fields";
import { requireUser } from "@/lib/auth/session";
import type { SettingsState } from "@/components/ui/form-state";

// The form sends strings; the rules are the shared ones an import is held to as well.
const settingsSchema = z.object({ timeMultiplier: z.coerce.number().pipe(timeMultiplierSchema) });

/** Saves the user's default timing (WCAG 2.2.1: extra time for anyone who needs it). */
export async function saveSettings(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  const user = await requireUser();
  const parsed = settingsSchema.safeParse({ timeMultiplier: form.get("timeMultiplier") });
  if (!parsed.success) return { ok: false, message: "Choose 1, 1.5 or 2." };
  await setTimeMultiplier(user.id, parsed.data.timeMultiplier);
  revalidatePath("/dashboard");
  return { ok: true, message: "Saved." };
}

const topicsSchema = z.object({
  topics: z
    .array(z.string().regex(/^[a-z0-9-]{2,120}$/))
    .min(1)
    .max(5),
});

/** "Practise these": a practice interview over the weakest topics, then straight into it. */
export async function practiseTopics(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = topicsSchema.safeParse({ topics: form.getAll("topic") });
  if (!parsed.success) redirect("/dashboard?error=topics");
  let id: string;
  try {
    id = (await startTopicInterview(user.id, parsed.data.topics)).id;
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") redirect("/dashboard?error=topics");
    throw error;
  }
  redirect(`/interviews/${id}`);
}
