"use client";

import { useEffect, useRef, useState } from "react";
import { formatClock } from "./use-server-clock";

const WARNINGS = [
  { at: 5 * 60_000, text: "5 minutes left." },
  { at: 60_000, text: "1 minute left." },
];

/**
 * The clock the user sees. Time left is always computed from the server's deadline and the measured
 * offset, never counted down locally, so it cannot drift. Warnings are shown and announced once each.
 */
export function Countdown({
  deadlineAt,
  startedAt,
  offset,
  onExpire,
}: {
  deadlineAt: string | null;
  startedAt: string;
  offset: number;
  onExpire: () => void;
}) {
  const [now, setNow] = useState(() => Date.now() + offset);
  const [announcement, setAnnouncement] = useState("");
  const warned = useRef(new Set<number>());
  const expired = useRef(false);

  useEffect(() => {
    const tick = () => setNow(Date.now() + offset);
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [offset]);

  const remaining = deadlineAt ? new Date(deadlineAt).getTime() - now : null;

  useEffect(() => {
    if (remaining === null) return;
    for (const warning of WARNINGS) {
      if (remaining <= warning.at && remaining > 0 && !warned.current.has(warning.at)) {
        warned.current.add(warning.at);
        setAnnouncement(warning.text);
      }
    }
    if (remaining <= 0 && !expired.current) {
      expired.current = true;
      setAnnouncement("Time is up. Submitting your answers.");
      onExpire();
    }
  }, [remaining, onExpire]);

  const urgent = remaining !== null && remaining <= 60_000;
  const soon = remaining !== null && remaining <= 5 * 60_000;
  const tone = urgent
    ? "bg-rose-100 text-rose-900 dark:bg-rose-900/60 dark:text-rose-100"
    : soon
      ? "bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100"
      : "bg-slate-100 dark:bg-slate-800";
  return (
    <div className="flex min-w-0 items-center gap-3">
      <p
        aria-live="assertive"
        className="min-w-0 text-sm font-medium text-rose-800 dark:text-rose-300"
        data-testid="clock-announcement"
      >
        {announcement}
      </p>
      <div
        className={`shrink-0 rounded-md px-3 py-1 font-mono text-lg tabular-nums ${tone}`}
        aria-label={remaining === null ? "Time spent" : "Time left"}
        role="timer"
        data-testid="clock"
      >
        {remaining === null ? formatClock(now - new Date(startedAt).getTime()) : formatClock(remaining)}
      </div>
    </div>
  );
}
