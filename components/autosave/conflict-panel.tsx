import { Button } from "@/components/ui/button";

/** Both versions side by side; the user chooses. Nothing is overwritten without that choice. */
export function ConflictPanel({
  mine,
  saved,
  onKeep,
  what = "answer",
}: {
  mine: string;
  saved: string;
  onKeep: (which: "mine" | "saved") => void;
  what?: string;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="conflict-title"
      className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id="conflict-title" className="font-semibold">
        This {what} was also changed elsewhere
      </h3>
      <p className="text-sm">Another tab or device saved a different version. Pick the one to keep.</p>
      <div className="grid gap-3 md:grid-cols-2">
        {[
          ["Your version (this tab)", mine],
          ["Saved version", saved],
        ].map(([title, text]) => (
          <figure key={title} className="min-w-0">
            <figcaption className="text-xs font-medium">{title}</figcaption>
            <pre className="mt-1 max-h-48 overflow-auto rounded border border-slate-300 bg-white p-2 text-sm whitespace-pre-wrap dark:border-slate-700 dark:bg-slate-900">
              {text || "(empty)"}
            </pre>
          </figure>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => onKeep("mine")}>
          Keep my version
        </Button>
        <Button type="button" variant="secondary" onClick={() => onKeep("saved")}>
          Use the saved version
        </Button>
      </div>
    </section>
  );
}
