"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { mainRunning, timeLeftLabel, type RunningInterview } from "@/lib/interviews/running";
import { useNow } from "./time-left";

/**
 * The header's marker of a running interview: its time left and "Resume", on every page but its room. The root
 * layout renders once and stays across client navigations, so after one that may have started or ended an
 * interview (leaving an /interviews page, or any while one is shown) the marker asks the API again.
 */
export function RunningInterviewMarker({
  initial,
  renderedAt,
}: {
  initial: RunningInterview | null;
  renderedAt: string;
}) {
  const pathname = usePathname();
  const [state, setState] = useState({ running: initial, renderedAt });
  const previous = useRef(pathname);
  const { running } = state;

  useEffect(() => {
    const from = previous.current;
    previous.current = pathname;
    if (from === pathname || (!running && !from.startsWith("/interviews"))) return;
    let cancelled = false;
    void (async () => {
      const [{ apiFetch }, { runningInterviewsAnswer }] = await Promise.all([
        import("@/lib/client/api"),
        import("@/lib/schemas/responses"),
      ]);
      const result = await apiFetch("/api/interviews?status=in_progress&limit=10", {
        cache: "no-store",
        schema: runningInterviewsAnswer,
      });
      if (!cancelled && result.ok)
        setState({ running: mainRunning(result.data.items), renderedAt: new Date().toISOString() });
    })();
    return () => {
      cancelled = true;
    };
  }, [pathname, running]);

  const now = useNow(state.renderedAt, running?.deadlineAt != null);
  if (!running || pathname === `/interviews/${running.id}`) return null;
  const over = running.deadlineAt !== null && new Date(running.deadlineAt).getTime() <= now;
  return (
    <div
      data-testid="running-interview"
      className="border-t border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-1.5 text-sm">
        <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-amber-600 dark:bg-amber-300" />
        {/* A long title is cut short; the time left never is. */}
        <span className="min-w-0 truncate">
          <span className="sr-only sm:not-sr-only">Interview in progress: </span>
          <span className="font-medium">{running.title}</span>
        </span>
        <span className="shrink-0 tabular-nums">· {timeLeftLabel(running.deadlineAt, now)}</span>
        <Link
          href={over ? `/interviews/${running.id}/review` : `/interviews/${running.id}`}
          className="ml-auto shrink-0 rounded px-1 font-semibold underline underline-offset-2 hover:no-underline sm:ml-2"
        >
          {over ? "See results" : "Resume"}
          <span className="sr-only">
            {over ? " of" : null} the {running.title} interview
          </span>
        </Link>
      </div>
    </div>
  );
}
