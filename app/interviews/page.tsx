import type { Metadata } from "next";
import Link from "next/link";
import { formatDuration, percent } from "@/components/interview/format";
import { ScoreChart } from "@/components/interview/score-chart";
import { SignInToUse } from "@/components/layout/sign-in-to-use";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listCompanies } from "@/lib/data/companies";
import { listInterviews } from "@/lib/data/interview-history";
import { interviewListQuerySchema } from "@/lib/schemas/interviews";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Interviews" };

const statusLabel = { in_progress: "In progress", finished: "Finished", expired: "Time ran out", abandoned: "Abandoned" } as const;

export default async function InterviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">Interviews</h1>
        <SignInToUse what="Take timed mock interviews in a company's format and review every attempt afterwards." returnTo="/interviews" />
      </div>
    );
  }
  const parsed = interviewListQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { limit: 20 };
  const [{ items, nextCursor }, companies] = await Promise.all([listInterviews(user.id, { ...query, limit: 50 }), listCompanies()]);
  const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Interviews</h1>
        <ButtonLink href="/interviews/new">Start a mock interview</ButtonLink>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Company</span>
          <select name="company" defaultValue={query.company ?? ""} className={selectClass}>
            <option value="">All</option>
            {companies.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600 dark:text-slate-400">Status</span>
          <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
            <option value="">All</option>
            {Object.entries(statusLabel).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
          Filter
        </button>
      </form>
      {items.length === 0 ? (
        <EmptyState title="No interviews yet" action={<ButtonLink href="/interviews/new">Start your first one</ButtonLink>}>
          Your attempts appear here, newest first, with their scores.
        </EmptyState>
      ) : (
        <>
          <ScoreChart interviews={items} />
          <form action="/interviews/compare" method="get" className="space-y-3">
            <div className="overflow-x-auto">
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
                        <input type="checkbox" name="id" value={i.id} aria-label={`Compare the ${i.title} interview of ${i.startedAt.slice(0, 10)}`} disabled={i.status === "in_progress"} />
                      </td>
                      <td className="p-2">
                        <Link href={i.status === "in_progress" ? `/interviews/${i.id}` : `/interviews/${i.id}/review`} className="font-medium hover:underline">
                          {i.title}
                        </Link>
                      </td>
                      <td className="p-2 tabular-nums">{i.startedAt.slice(0, 16).replace("T", " ")}</td>
                      <td className="p-2">{i.mode}</td>
                      <td className="p-2">{i.durationSeconds === null ? "—" : formatDuration(i.durationSeconds)}</td>
                      <td className="p-2">
                        {i.score === null ? "—" : percent(i.score)}
                        {i.status === "in_progress" ? null : (
                          <span className="block text-xs text-slate-600 dark:text-slate-400">
                            {i.answeredCount} of {i.questionCount} answered
                          </span>
                        )}
                      </td>
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
          {nextCursor ? <p className="text-sm text-slate-600 dark:text-slate-400">Showing your 50 most recent interviews.</p> : null}
        </>
      )}
    </div>
  );
}
