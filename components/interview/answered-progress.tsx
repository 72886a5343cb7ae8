"use client";

export function AnsweredProgress({ answered, total }: { answered: number; total: number }) {
  return (
    <div>
      <div className="mb-2 flex justify-between text-xs text-slate-600 dark:text-slate-400">
        <span>
          {answered} of {total} answered
        </span>
        {/* Keyboard shortcuts mean nothing on a touch screen without a keyboard. */}
        <span data-testid="shortcut-hint" className="pointer-coarse:hidden">
          Alt+J next · Alt+K previous · Alt+L flag
        </span>
      </div>
      <div
        className="h-2 rounded bg-slate-100 dark:bg-slate-800"
        role="progressbar"
        aria-label="Answered"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
      >
        <div className="h-2 rounded bg-brand-500" style={{ width: `${(answered / total) * 100}%` }} />
      </div>
    </div>
  );
}
