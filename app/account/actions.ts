"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setTimeZone } from "@/lib/data/users";
import { AppError } from "@/lib/http/errors";
import { timeZoneSchema } from "@/lib/schemas/fields";
import { requireUser } from "@/lib/auth/session";
import type { SettingsState } from "@/components/ui/form-state";

const timeZoneFormSchema = z.object({ timeZone: timeZoneSchema });

/** The user's time zone: every page's dates (lib/format), streaks and "due today". */
export async function saveTimeZone(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  const user = await requireUser();
  const parsed = timeZoneFormSchema.safeParse({ timeZone: form.get("timeZone") });
  if (!parsed.success) return { ok: false, message: "Choose a time zone from the list." };
  try {
    await setTimeZone(user.id, parsed.data.timeZone);
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION")
      return { ok: false, message: "Choose a time zone from the list." };
    throw error;
  }
  revalidatePath("/", "layout");
  return { ok: true, message: `Saved: dates now show in ${parsed.data.timeZone.replaceAll("_", " ")} time.` };
}
