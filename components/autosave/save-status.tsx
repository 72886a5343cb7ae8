import type { SaveStatus } from "./protocol";

const labels: Record<SaveStatus, string> = {
  saved: "Saved",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  offline: "Offline — kept on this device, will retry",
  conflict: "Conflict — choose a version",
  "time-up": "Time is up — not submitted",
  "signed-out": "Signed out — sign in again to save",
};

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const tone =
    status === "saved"
      ? "text-emerald-700 dark:text-emerald-400"
      : status === "saving" || status === "unsaved"
        ? "text-slate-600 dark:text-slate-400"
        : "text-rose-700 dark:text-rose-400";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`} data-testid="save-status">
      {labels[status]}
    </p>
  );
}
