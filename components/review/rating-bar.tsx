import { interval } from "@/lib/review/session";

export type RatingName = "again" | "hard" | "good" | "easy";

export const ratings = [
  ["again", "Again", "1"],
  ["hard", "Hard", "2"],
  ["good", "Good", "3"],
  ["easy", "Easy", "4"],
] as const;

/**
 * The four ratings, stuck to the bottom of the viewport under a long answer. Opaque (and above the answer's
 * positioned code blocks), so no code shows through it in either theme.
 */
export function RatingBar({
  next,
  now,
  busy,
  onRate,
}: {
  next: Record<RatingName, string>;
  now: number;
  busy: boolean;
  onRate: (rating: RatingName) => void;
}) {
  return (
    <div
      role="group"
      aria-label="How well did you recall it?"
      data-testid="rating-bar"
      className="sticky bottom-0 z-10 -mx-2 flex flex-wrap gap-2 border-t border-slate-200 bg-white px-2 py-3 dark:border-slate-800 dark:bg-slate-950"
    >
      {ratings.map(([value, label, key]) => (
        <button
          key={value}
          type="button"
          disabled={busy}
          onClick={() => onRate(value)}
          aria-keyshortcuts={key}
          className="flex min-w-20 flex-1 flex-col items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 sm:flex-none dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          <span className="font-medium">{label}</span>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {interval(new Date(next[value]).getTime(), now)}
            <span className="hidden sm:inline"> · key {key}</span>
          </span>
        </button>
      ))}
    </div>
  );
}
