"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  isFirst: boolean;
  isLast: boolean;
  flagged: boolean;
  /** True while the room is submitting: "Yes, finish" cannot be pressed twice. */
  ending: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onToggleFlag: () => void;
  onFinish: () => void;
};

// The buttons' own styles do not dim when disabled (components/ui/button.tsx); the room's do, so Previous on
// the first question and Next on the last read as unavailable.
const dims = "disabled:opacity-50 disabled:shadow-none";

/** Moving between questions, flagging, and finishing (asked twice, since answers lock afterwards). */
export function RoomControls({ isFirst, isLast, flagged, ending, onPrevious, onNext, onToggleFlag, onFinish }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          className={dims}
          onClick={onPrevious}
          disabled={isFirst}
          aria-keyshortcuts="Alt+K"
        >
          Previous
        </Button>
        <Button
          type="button"
          variant="secondary"
          className={dims}
          onClick={onNext}
          disabled={isLast}
          aria-keyshortcuts="Alt+J"
        >
          Next
        </Button>
        <Button type="button" variant="ghost" onClick={onToggleFlag} aria-pressed={flagged} aria-keyshortcuts="Alt+L">
          {flagged ? "Unflag" : "Flag for review"}
        </Button>
      </div>
      {confirming ? (
        <div className="flex items-center gap-2" role="group" aria-label="Confirm finishing">
          <span className="text-sm">Finish now? You cannot change answers afterwards.</span>
          <Button type="button" className={dims} onClick={onFinish} disabled={ending}>
            Yes, finish
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
            Keep going
          </Button>
        </div>
      ) : (
        <Button type="button" onClick={() => setConfirming(true)}>
          Finish interview
        </Button>
      )}
    </div>
  );
}
