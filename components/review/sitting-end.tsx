import Link from "next/link";
import { useFormat } from "@/components/ui/format-provider";
import { pluralWord } from "@/lib/format/format";
import { interval, type Waiting } from "@/lib/review/session";

/**
 * Nothing to show now: either cards wait for a later step today (they come back here by themselves), or the
 * day is done. Lists where this sitting's cards went.
 */
export function SittingEnd({
  waiting,
  rated,
  titles,
  upcoming,
  now,
}: {
  waiting: Waiting[];
  rated: { title: string; due: number }[];
  titles: Record<string, string>;
  upcoming: number;
  now: number;
}) {
  const format = useFormat();
  const heading = waiting.length ? "All done for now" : rated.length ? "All done for today" : "Nothing due today";
  return (
    <section
      aria-labelledby="sitting-end"
      className="rounded-lg border border-slate-200 p-6 dark:border-slate-800"
      data-testid="sitting-end"
    >
      <h2 id="sitting-end" tabIndex={-1} className="text-lg font-semibold">
        {heading}
      </h2>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {rated.length ? `You reviewed ${format.count(rated.length, "question")}. ` : ""}
        {waiting.length
          ? `${format.count(waiting.length, { one: "question comes", other: "questions come" })} back later today; ${pluralWord(waiting.length, { one: "it shows", other: "they show" })} here when due.`
          : upcoming
            ? `${format.count(upcoming, { one: "more question is", other: "more questions are" })} scheduled for later days.`
            : "Questions you rate Again or Hard, or score low on or skip in a mock interview, come back here."}
      </p>
      {waiting.length ? <h3 className="mt-4 text-sm font-semibold">Coming back today</h3> : null}
      {waiting.length ? (
        <ul className="mt-1 space-y-1 text-sm" aria-label="Coming back today">
          {waiting.map((w) => (
            <li key={w.slug}>
              {titles[w.slug]} — in {interval(w.due, now)}
            </li>
          ))}
        </ul>
      ) : null}
      {rated.length ? <h3 className="mt-4 text-sm font-semibold">Reviewed</h3> : null}
      {rated.length ? (
        <ul className="mt-1 space-y-1 text-sm" aria-label="Reviewed">
          {rated.map((d, i) => (
            <li key={i}>
              {d.title} — back in {interval(d.due, now)}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4 flex gap-3 text-sm">
        <Link href="/questions" className="underline">
          Browse questions
        </Link>
        <Link href="/dashboard" className="underline">
          Dashboard
        </Link>
      </div>
    </section>
  );
}
