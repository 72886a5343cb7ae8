import Link from "next/link";

const link =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50 dark:border-slate-700 dark:text-brand-100 dark:hover:bg-slate-900";
const off =
  "inline-flex items-center gap-1 rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400";

/**
 * "21–40 of 189" with Previous and Next, as links (Tab and Enter work, Back works). A side with no page is
 * shown but not a link, so the bar does not jump. `capped`: a search read only its best matches ("189+").
 */
export function Pagination({
  start,
  shown,
  total,
  capped,
  previousHref,
  nextHref,
}: {
  start: number;
  shown: number;
  total: number;
  capped: boolean;
  previousHref: string | null;
  nextHref: string | null;
}) {
  if (!shown) return null;
  const count = `${total.toLocaleString("en")}${capped ? "+" : ""}`;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      {previousHref ? (
        <Link href={previousHref} rel="prev" className={link}>
          <span aria-hidden="true">←</span> Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          <span aria-hidden="true">←</span> Previous
        </span>
      )}
      <p
        className="order-first w-full text-center text-sm text-slate-700 sm:order-none sm:w-auto dark:text-slate-300"
        data-testid="page-range"
      >
        {start + 1}–{start + shown} of {count} {total === 1 && !capped ? "question" : "questions"}
      </p>
      {nextHref ? (
        <Link href={nextHref} rel="next" className={link}>
          Next <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={off}>
          Next <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
