"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** Asks before leaving a running strict interview (components/interview/use-leave-guard.ts). */
export function LeaveDialog({ open, onStay, onLeave }: { open: boolean; onStay: () => void; onLeave: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // Staying is the safe choice, so it has the focus (React does not render the autofocus attribute).
      stay.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="leave-title"
      aria-describedby="leave-description"
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="leave-title" className="text-lg font-semibold">
        Leave this interview?
      </h2>
      <p id="leave-description" className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        This is a strict interview: the clock keeps running while you are away. Your answers are saved, and you can come
        back to it from Interviews until the time is up.
      </p>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onLeave}>
          Leave the room
        </Button>
        <Button ref={stay} type="button" onClick={onStay}>
          Stay in the interview
        </Button>
      </div>
    </dialog>
  );
}
