import { StrengthChart } from "@/components/dashboard/strength-chart";
import { percent } from "@/components/interview/format";
import type { Dashboard } from "@/lib/data/dashboard";
import { TENTATIVE_BELOW } from "@/lib/progress/strength";
import { practiseTopics } from "./actions";

export function StrengthSection({ topics, weakest }: Pick<Dashboard, "topics" | "weakest">) {
  return (
    <section aria-labelledby="strength" className="space-y-4">
      <h2 id="strength" className="font-semibold">
        Strength by topic
      </h2>
      {topics.some((t) => t.state !== "not_practised") ? null : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No results yet: finish an interview or save a practice answer.
        </p>
      )}
      {topics.length ? (
        <>
          <StrengthChart topics={topics} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            From interview scores, saved practice answers and your ratings (Again 0%, Hard 35%, Good 75%, Easy 100%).
            Questions skipped in an interview are not counted. A figure from fewer than {TENTATIVE_BELOW} results is
            tentative.
          </p>
        </>
      ) : null}
      {weakest.length ? (
        <form
          action={practiseTopics}
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950"
        >
          <h3 className="font-medium">Weakest topics</h3>
          <p className="mt-1 text-sm">
            {weakest
              .map((t) => `${t.name} (${percent(t.strength)}${t.state === "tentative" ? ", tentative" : ""})`)
              .join(", ")}
          </p>
          {weakest.map((t) => (
            <input key={t.slug} type="hidden" name="topic" value={t.slug} />
          ))}
          <button
            type="submit"
            className="mt-3 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Practise these
          </button>
        </form>
      ) : null}
    </section>
  );
}
