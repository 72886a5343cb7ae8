import type { KeyPointCoverage } from "@/lib/scoring/match";

/** "raises 403" for a 403 response, "deleted_at" for a deleted marker */
function heardList(heard: KeyPointCoverage["heard"]) {
  return heard.map((h, i) => (
    <span key={`${h.concept}-${i}`}>
      {i > 0 ? "; " : ""}“{h.phrase}” for {h.concept}
    </span>
  ));
}

/**
 * Each key point's verdict in words a user reads: what was heard (quoting the answer) and which concept was not,
 * by name. Shared by the interview review and the practice panel.
 */
export function KeyPointVerdicts({ coverage }: { coverage: KeyPointCoverage[] }) {
  return (
    <ul className="mt-2 space-y-2 text-sm">
      {coverage.map((c) => (
        <li key={c.point} className="flex gap-2">
          <span
            aria-hidden="true"
            className={c.covered ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}
          >
            {c.covered ? "\u2713" : "\u2717"}
          </span>
          <span className="min-w-0">
            <span className="sr-only">{c.covered ? "Covered: " : "Missed: "}</span>
            {c.point}
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              {c.heard.length ? <span className="block">Heard {heardList(c.heard)}.</span> : null}
              {c.missing.length ? <span className="block">Not heard: {c.missing.join("; ")}.</span> : null}
              {c.named?.length ? (
                <span className="block">
                  Named but not explained: {heardList(c.named)}. This answer also makes a common mistake, so a term
                  alone is not taken as knowing what it does.
                </span>
              ) : null}
              {c.wrong.length ? (
                <span className="block">
                  Not counted: {c.wrong.map((w) => `“${w.phrase}” (${w.concept})`).join("; ")} is a common mistake.
                </span>
              ) : null}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
