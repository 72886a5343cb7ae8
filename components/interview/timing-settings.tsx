"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { SettingsAction, SettingsState } from "@/components/ui/form-state";

export function TimingSettings({ current, save }: { current: number; save: SettingsAction }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(save, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block font-medium">Default time for timed interviews</span>
        <select
          name="timeMultiplier"
          defaultValue={String(current)}
          className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="1">Standard time</option>
          <option value="1.5">Extended: × 1.5</option>
          <option value="2">Extended: × 2</option>
        </select>
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state?.ok === false ? "text-rose-700" : "text-emerald-700 dark:text-emerald-400"}`}
      >
        {state?.message ?? ""}
      </p>
    </form>
  );
}
