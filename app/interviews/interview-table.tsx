import Link from "next/link";
import { formatDuration, percent } from "@/components/interview/format";
import { TimeLeft } from "@/components/layout/time-left";
import type { InterviewSummary } from "@/lib/schemas/interviews";
import { statusLabel } from "./status-label";
import { getFormat } from "@/lib/format/request";
import { LocalTime } from "@/components/ui/local-time";

/**
 * The history table inside its compare form: ticking two finished interviews opens them side by side. A running
 * interview has no duration or score yet: its row says the time left instead, with a way back in.
 */
export async function InterviewTable({ items, renderedAt }: { items: InterviewSummary[]; renderedAt: string }) {
  const format = await getFormat();
  return (
    <form action="/interviews/compare" method="get" className="space-y-3">
      {/* relative: the scroll box is what positions (and so clips) the rows' screen-reader-only text. */}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your interviews, newest first</caption>
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th className="p-2 font-medium">Compare</th>
              <th className="p-2 font-medium">Company</th>
              <th className="p-2 font-medium">Date (UTC)</th>
              <th className="p-2 font-medium">Mode</th>
              <th className="p-2 font-medium">Duration</th>
              <th className="p-2 font-medium">Score</th>
              <th className="p-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} className="border-t border-slate-200 dark:border-slate-800">
                <td className="p-2">
                  <input
                    type="checkbox"
                    name="id"
                    value={i.id}
                    aria-label={`Compare the ${i.title} interview of ${format.dateTime(i.startedAt)}`}
                    disabled={i.status === "in_progress"}
                  />
                </td>
                <td className="p-2">
                  <Link
                    href={i.status === "in_progress" ? `/interviews/${i.id}` : `/interviews/${i.id}/review`}
                    className="font-medium hover:underline"
                  >
                    {i.title}
                  </Link>
                </td>
                <td className="p-2 tabular-nums">
                  <LocalTime value={i.startedAt} />
                </td>
                <td className="p-2">{i.mode}</td>
                {i.status === "in_progress" ? (
                  <td className="p-2" colSpan={2} data-testid="time-left">
                    <TimeLeft deadlineAt={i.deadlineAt} renderedAt={renderedAt} />
                    {" · "}
                    <Link href={`/interviews/${i.id}`} className="font-medium underline underline-offset-2">
                      Resume<span className="sr-only"> the {i.title} interview</span>
                    </Link>
                  </td>
                ) : (
                  <>
                    <td className="p-2">{i.durationSeconds === null ? "—" : formatDuration(i.durationSeconds)}</td>
                    <td className="p-2">
                      {i.score === null ? "—" : percent(i.score)}
                      <span className="block text-xs text-slate-600 dark:text-slate-400">
                        {i.answeredCount} of {i.questionCount} answered
                      </span>
                    </td>
                  </>
                )}
                <td className="p-2">{statusLabel[i.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
        Compare the two selected
      </button>
    </form>
  );
}
