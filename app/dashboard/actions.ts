"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setTimeMultiplier } from "@/lib/data/users";
import { requireUser } from "@/lib/session";

const settingsSchema = z.object({ timeMultiplier: z.enum(["1", "1.5", "2"]) });

export type SettingsState = { ok: boolean; message: string } | null;

/** Saves the user's default timing (WCAG 2.2.1: extra time for anyone who needs it). */
export async function saveSettings(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  const user = await requireUser();
  const parsed = settingsSchema.safeParse({ timeMultiplier: form.get("timeMultiplier") });
  if (!parsed.success) return { ok: false, message: "Choose 1, 1.5 or 2." };
  await setTimeMultiplier(user.id, Number(parsed.data.timeMultiplier) as 1 | 1.5 | 2);
  revalidatePath("/dashboard");
  return { ok: true, message: "Saved." };
}
