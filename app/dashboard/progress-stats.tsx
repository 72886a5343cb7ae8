import Link from "next/link";
import type { Dashboard } from "@/lib/data/dashboard";
import { pluralWord, type Noun } from "@/lib/format/format";
import { getFormat } from "@/lib/format/request";

function Stat({ label, value, href }: { label: string; value: string; href?: string }) {
  const body = (
    <>
      <span className="block text-2xl font-semibold tabular-nums">{value}</span>{" "}
      <span className="text-sm text-slate-600 dark:text-slate-400">{label}</span>
    </>
  );
  return (
    <li className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      {href ? (
        <Link href={href} className="block hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}

export async function ProgressStats({
  dashboard,
}: {
  dashboard: Pick<Dashboard, "interviews" | "practised" | "streak" | "due" | "notes">;
}) {
  const format = await getFormat();
  const stat = (n: number, noun: Noun) => ({ value: format.number(n), label: pluralWord(n, noun) });
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Your progress">
      <Stat {...stat(dashboard.interviews, { one: "interview taken", other: "interviews taken" })} href="/interviews" />
      <Stat {...stat(dashboard.practised, { one: "question practised", other: "questions practised" })} />
      {/* "a 3 day streak": the noun stays singular */}
      <Stat value={format.number(dashboard.streak)} label="day streak" />
      <Stat {...stat(dashboard.due, { one: "review due today", other: "reviews due today" })} href="/review" />
      <Stat {...stat(dashboard.notes, "note")} href="/notes" />
    </ul>
  );
}
