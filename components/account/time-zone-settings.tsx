"use client";

import { useActionState, useMemo, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { SettingsAction, SettingsState } from "@/components/ui/form-state";

const noSubscription = () => () => undefined;

/** Time zone for streaks and "due today"; suggests the browser's own when it differs. */
export function TimeZoneSettings({ current, save }: { current: string; save: SettingsAction }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(save, null);
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return all.includes(current) ? all : [current, ...all];
  }, [current]);
  // The browser's zone exists only on the client: null while server-rendering, so hydration matches.
  const browser = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block font-medium">Your time zone</span>
        <select
          name="timeZone"
          defaultValue={current}
          className="mt-1 max-w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
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
        {state?.message ?? (browser && browser !== current ? `This device is on ${browser.replaceAll("_", " ")}.` : "")}
      </p>
    </form>
  );
}
