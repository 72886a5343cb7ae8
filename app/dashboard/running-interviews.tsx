import { TimeLeft } from "@/components/layout/time-left";
import { ButtonLink } from "@/components/ui/button";
import type { RunningInterview } from "@/lib/interviews/running";

const modeLabel = { strict: "Strict", extended: "Extended time", practice: "Practice" } as const;

/** The interviews the user has running, first on the dashboard, each with its time left and a way back in. */
export function RunningInterviews({ running, renderedAt }: { running: RunningInterview[]; renderedAt: string }) {
  if (!running.length) return null;
  return (
    <section
      aria-labelledby="running-interviews"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <h2 id="running-interviews" className="font-semibold">
        {running.length === 1
          ? "You have an interview in progress"
          : `You have ${running.length} interviews in progress`}
      </h2>
      <ul className="mt-3 space-y-3">
        {running.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-3">
            <div className="min-w-0">
              <p className="font-medium wrap-anywhere">{r.title}</p>
              <p className="text-sm">
                {modeLabel[r.mode]} · <TimeLeft deadlineAt={r.deadlineAt} renderedAt={renderedAt} />
                {r.deadlineAt ? " (the clock keeps running)" : null}
              </p>
            </div>
            <ButtonLink href={`/interviews/${r.id}`}>
              Resume<span className="sr-only"> the {r.title} interview</span>
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
