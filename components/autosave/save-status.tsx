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

/**
 * How the text's save stands. A text never saved (revision 0) that is unchanged says nothing: "Saved" before
 * anything was typed claims a save that never happened. The live region is there all the same, so the first
 * change is announced.
 */
export function SaveStatusText({ status, revision }: { status: SaveStatus; revision: number }) {
  const untouched = status === "saved" && revision === 0;
  const tone =
    status === "saved"
      ? "text-emerald-700 dark:text-emerald-400"
      : status === "saving" || status === "unsaved"
        ? "text-slate-600 dark:text-slate-400"
        : "text-rose-700 dark:text-rose-400";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${tone}`} data-testid="save-status">
      {untouched ? "" : labels[status]}
    </p>
  );
}
