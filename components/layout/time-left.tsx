"use client";

import { useEffect, useState } from "react";
import { timeLeftLabel } from "@/lib/interviews/running";

/**
 * The time now, ticking each second while `ticking`. It starts at the server's time of rendering, so the server's
 * HTML and the hydrating render agree, then follows this device's clock set to the server's.
 */
export function useNow(renderedAt: string, ticking: boolean): number {
  const [now, setNow] = useState(() => new Date(renderedAt).getTime());
  useEffect(() => {
    if (!ticking) return;
    const offset = new Date(renderedAt).getTime() - Date.now();
    const tick = () => setNow(Date.now() + offset);
    tick();
    const timer = setInterval(tick, 1_000);
    return () => clearInterval(timer);
  }, [renderedAt, ticking]);
  return now;
}

/** A running interview's time left ("45 min left"), or "No time limit" for a practice one. */
export function TimeLeft({ deadlineAt, renderedAt }: { deadlineAt: string | null; renderedAt: string }) {
  const now = useNow(renderedAt, deadlineAt !== null);
  return <span className="tabular-nums">{timeLeftLabel(deadlineAt, now)}</span>;
}
