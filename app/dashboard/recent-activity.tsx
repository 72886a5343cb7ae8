import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { Dashboard } from "@/lib/data/dashboard";

const activityLabel = { interview: "Interview", practice: "Practised", note: "Note", review: "Reviewed" } as const;

export function RecentActivity({ recent }: Pick<Dashboard, "recent">) {
  return (
    <section aria-labelledby="recent" className="space-y-3">
      <h2 id="recent" className="font-semibold">
        Recent activity
      </h2>
      {recent.length ? (
        <ol className="space-y-2 text-sm wrap-anywhere">
          {recent.map((a, i) => (
            <li key={i} className="flex flex-col">
              <Link href={a.href} className="hover:underline">
                {a.title}
              </Link>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                {activityLabel[a.kind]} · <LocalTime value={a.at} />
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet.</p>
      )}
    </section>
  );
}
