// How a running interview is shown outside its room (the header's marker, the dashboard, the history).

export type RunningInterview = {
  id: string;
  title: string;
  mode: "strict" | "practice" | "extended";
  startedAt: string;
  /** Null for a practice interview (no time limit). */
  deadlineAt: string | null;
};

/** The time left in words, by the minute as a person reads a clock in passing: "45 min left", seconds in the last one. */
export function timeLeftLabel(deadlineAt: string | null, now: number): string {
  if (deadlineAt === null) return "No time limit";
  const ms = new Date(deadlineAt).getTime() - now;
  if (ms <= 0) return "Time is up";
  if (ms < 60_000) return `${Math.ceil(ms / 1000)} s left`;
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min left`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min left`;
}

/**
 * The one the header offers to resume: the timed one (a user has at most one, and its clock is running), else
 * the practice one started last.
 */
export function mainRunning<T extends Pick<RunningInterview, "deadlineAt" | "startedAt">>(running: T[]): T | null {
  const newestFirst = [...running].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return newestFirst.find((r) => r.deadlineAt !== null) ?? newestFirst[0] ?? null;
}
