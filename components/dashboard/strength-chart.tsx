import Link from "next/link";
import { percent } from "@/components/interview/format";
import { Badge } from "@/components/ui/badge";
import { basisText, type TopicStanding } from "@/lib/progress/strength";

const barColour = (strength: number) =>
  strength < 0.4 ? "bg-rose-500" : strength < 0.7 ? "bg-amber-500" : "bg-emerald-500";

/**
 * Per-topic strength as horizontal bars, with the numbers in text for every reader. A topic without results
 * says "not practised yet" rather than showing 0%, and each figure says what it rests on.
 */
export function StrengthChart({ topics }: { topics: TopicStanding[] }) {
  return (
    <ul className="space-y-3" aria-label="Strength by topic">
      {topics.map((t) => (
        <li
          key={t.slug}
          data-testid={`strength-${t.slug}`}
          className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[minmax(7rem,14rem)_1fr_auto]"
        >
          {/* Narrow screens: the name on a line of its own, the bar and figure below it at full width. */}
          <span className="col-span-2 min-w-0 sm:col-span-1">
            <Link href={`/questions?topic=${t.slug}`} className="block truncate hover:underline">
              {t.name}
            </Link>
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {t.state === "not_practised" ? "no answers yet" : basisText(t)}
            </span>
          </span>
          {t.state === "not_practised" ? (
            <span className="col-span-2 text-slate-600 italic dark:text-slate-400">Not practised yet</span>
          ) : (
            <>
              <span className="h-3 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                <span
                  className={`block h-full rounded ${barColour(t.strength)} ${t.state === "tentative" ? "opacity-50" : ""}`}
                  style={{ width: `${Math.max(2, Math.round(t.strength * 100))}%` }}
                />
              </span>
              <span className="flex items-center justify-end gap-2 text-right tabular-nums">
                {t.state === "tentative" ? <Badge>tentative</Badge> : null}
                {percent(t.strength)}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
