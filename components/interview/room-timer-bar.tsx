"use client";

import type { InterviewView } from "@/lib/schemas/interviews";
import { Countdown } from "./countdown";

/**
 * The clock, pinned to the top of the window while the room scrolls (a long coding question, a phone), with the
 * question's place beside it. The 5- and 1-minute warnings are announced and shown here, so they stay in view.
 */
export function RoomTimerBar({
  interview,
  offset,
  index,
  onExpire,
}: {
  interview: InterviewView;
  offset: number;
  index: number;
  onExpire: () => void;
}) {
  return (
    <div
      data-testid="room-timer-bar"
      className="sticky top-0 z-20 -mx-4 flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-950"
    >
      <p className="shrink-0 text-sm font-medium text-slate-700 dark:text-slate-300">
        Question {index + 1} of {interview.questions.length}
      </p>
      <Countdown
        deadlineAt={interview.deadlineAt}
        startedAt={interview.startedAt}
        offset={offset}
        onExpire={onExpire}
      />
    </div>
  );
}
