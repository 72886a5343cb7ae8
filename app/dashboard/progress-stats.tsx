import Link from "next/link";
import type { Dashboard } from "@/lib/data/dashboard";

function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  const body = (
    <>
      <span className="block text-2xl font-semibold tabular-nums">{value}</span>
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

export function ProgressStats({
  dashboard,
}: {
  dashboard: Pick<Dashboard, "interviews" | "practised" | "streak" | "due" | "notes">;
}) {
  return (
    <ul className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Your progress">
      <Stat label="interviews taken" value={dashboard.interviews} href="/interviews" />
      <Stat label="questions practised" value={dashboard.practised} />
      <Stat label="day streak" value={dashboard.streak} />
      <Stat label="reviews due today" value={dashboard.due} href="/review" />
      <Stat label="notes" value={dashboard.notes} href="/notes" />
    </ul>
  );
}
