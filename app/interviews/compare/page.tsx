import type { Metadata } from "next";
import Link from "next/link";
import { percent } from "@/components/interview/format";
import { Alert } from "@/components/ui/alert";
import { getInterview } from "@/lib/data/interviews";
import { AppError } from "@/lib/http/errors";
import { isUuid } from "@/lib/http/ids";
import { requireUser } from "@/lib/auth/session";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Compare interviews" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<{ id?: string | string[] }> }) {
  const user = await requireUser();
  const ids = [(await searchParams).id].flat().filter(isUuid);
  const back = (
    <Link href="/interviews" className="text-sm underline">
      Back to your interviews
    </Link>
  );
  if (ids.length !== 2)
    return (
      <div className="space-y-4">
        <Alert tone="error">Select exactly two finished interviews to compare.</Alert>
        {back}
      </div>
    );
  const pair = await Promise.all(
    ids.map((id) =>
      getInterview(user.id, id).catch((e: unknown) => (e instanceof AppError ? null : Promise.reject(e))),
    ),
  );
  if (pair.some((i) => !i?.review))
    return (
      <div className="space-y-4">
        <Alert tone="error">Those interviews cannot be compared (not found or not finished).</Alert>
        {back}
      </div>
    );
  const [a, b] = pair.sort((x, y) => x!.startedAt.localeCompare(y!.startedAt)) as NonNullable<(typeof pair)[number]>[];
  const topics = [...new Set([...a!.review!.byTopic, ...b!.review!.byTopic].map((t) => t.topic))].sort();
  const score = (i: typeof a, topic: string) => i!.review!.byTopic.find((t) => t.topic === topic)?.score;

  return (
    <div className="space-y-6">
      {back}
      <h1 className="text-2xl font-semibold">Compare two attempts</h1>
      {a!.company?.slug !== b!.company?.slug ? (
        <Alert>These are different company formats; topics may differ.</Alert>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th className="p-2 font-medium">Topic</th>
            {[a, b].map((i) => (
              <th key={i!.id} className="p-2 font-medium">
                {i!.title}, <LocalTime value={i!.startedAt} show="date" />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-200 font-semibold dark:border-slate-800">
            <td className="p-2">Overall</td>
            <td className="p-2">{a!.score === null ? "—" : percent(a!.score)}</td>
            <td className="p-2">{b!.score === null ? "—" : percent(b!.score)}</td>
          </tr>
          <tr className="border-t border-slate-200 dark:border-slate-800">
            <td className="p-2">Answered</td>
            {[a, b].map((i) => (
              <td key={i!.id} className="p-2">
                {i!.review!.answered} of {i!.review!.questions}
              </td>
            ))}
          </tr>
          {topics.map((topic) => (
            <tr key={topic} className="border-t border-slate-200 dark:border-slate-800">
              <td className="p-2">{topic}</td>
              {[a, b].map((i) => {
                const s = score(i, topic);
                return (
                  <td key={i!.id} className="p-2">
                    {s === undefined ? "—" : percent(s)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
