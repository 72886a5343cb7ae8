"use client";

import { useActionState, useMemo, useRef, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { SettingsAction, SettingsState } from "@/components/ui/form-state";

const noSubscription = () => () => undefined;
const label = (zone: string) => zone.replaceAll("_", " ");

/**
 * Time zone for dates, streaks and "due today". The browser's own zone is offered with one click when it
 * differs from the saved one (a new account starts on UTC).
 */
export function TimeZoneSettings({ current, save }: { current: string; save: SettingsAction }) {
  const [state, action, pending] = useActionState<SettingsState, FormData>(save, null);
  const form = useRef<HTMLFormElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const zones = useMemo(() => {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return all.includes(current) ? all : [current, ...all];
  }, [current]);
  // The browser's zone exists only on the client: null while server-rendering, so hydration matches.
  const device = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const offerDevice = device !== null && device !== current && zones.includes(device);

  function chooseDeviceZone() {
    if (!device || !select.current) return;
    select.current.value = device;
    form.current?.requestSubmit();
  }

  return (
    <form ref={form} action={action} className="space-y-2">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Your time zone</span>
          <select
            ref={select}
            name="timeZone"
            defaultValue={current}
            aria-describedby="time-zone-hint"
            className="mt-1 max-w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {label(zone)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {offerDevice ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={chooseDeviceZone}>
            Use this device’s zone ({label(device)})
          </Button>
        ) : null}
      </div>
      <p id="time-zone-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Dates and times across Mockroom show in this zone; it also decides when your day, and “due today”, ends.
      </p>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state?.ok === false ? "text-rose-700 dark:text-rose-400" : "text-emerald-700 dark:text-emerald-400"}`}
      >
        {state?.message ?? ""}
      </p>
    </form>
  );
}
