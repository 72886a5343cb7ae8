"use client";

import type { InterviewView } from "@/lib/schemas/interviews";
import { Countdown } from "./countdown";

export function RoomHeader({
  interview,
  offset,
  onExpire,
}: {
  interview: InterviewView;
  offset: number;
  onExpire: () => void;
}) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-4">
      <div className="min-w-0 wrap-anywhere">
        <h1 className="text-xl font-semibold">
          {interview.company ? `${interview.title} mock interview` : interview.title}
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {interview.mode === "practice"
            ? "Practice: no time limit"
            : interview.mode === "extended"
              ? "Extended time"
              : "Strict: the clock does not pause"}
        </p>
      </div>
      <Countdown
        deadlineAt={interview.deadlineAt}
        startedAt={interview.startedAt}
        offset={offset}
        onExpire={onExpire}
      />
    </header>
  );
}
