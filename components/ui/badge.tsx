import type { ReactNode } from "react";

const tones = {
  neutral: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200",
  easy: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  medium: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100",
  hard: "bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100",
  brand: "bg-brand-50 text-brand-700 dark:bg-brand-700/40 dark:text-brand-100",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}
