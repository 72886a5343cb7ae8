import { TimeZoneSettings } from "@/components/account/time-zone-settings";
import { TimingSettings } from "@/components/interview/timing-settings";
import { saveTimeZone } from "../account/actions";
import { saveSettings } from "./actions";

export function SettingsSection({ timeMultiplier, timeZone }: { timeMultiplier: number; timeZone: string }) {
  return (
    <section
      aria-labelledby="settings"
      className="space-y-4 rounded-lg border border-slate-200 p-6 dark:border-slate-800"
    >
      <h2 id="settings" className="font-semibold">
        Settings
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Need more time? Extended time becomes the default for new interviews; you can still change it each time.
      </p>
      <TimingSettings current={timeMultiplier} save={saveSettings} />
      <TimeZoneSettings current={timeZone} save={saveTimeZone} />
    </section>
  );
}
