import Link from "next/link";
import type { Dashboard } from "@/lib/data/dashboard";

const activityLabel = { interview: "Interview", practice: "Practised", note: "Note", review: "Reviewed" } as const;

export function RecentActivity({ recent, timeZone }: Pick<Dashboard, "recent" | "timeZone">) {
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
                {activityLabel[a.kind]} ·{" "}
                <time dateTime={a.at}>
                  {new Date(a.at).toLocaleString("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" })}
                </time>
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
