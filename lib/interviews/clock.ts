// The interview clock's rules, as pure functions of "now" so tests can move time.

/** An autosave sent just before the deadline may arrive just after it. */
export const SAVE_GRACE_MS = 2_000;
export { EXTENDED_MULTIPLIERS } from "../schemas/fields";

export type Mode = "strict" | "practice" | "extended";
type Timed = { status: string; deadlineAt: Date | null };

export function deadlineFor(mode: Mode, durationMinutes: number, multiplier: number, startedAt: Date): Date | null {
  if (mode === "practice") return null;
  const factor = mode === "extended" ? multiplier : 1;
  return new Date(startedAt.getTime() + durationMinutes * factor * 60_000);
}

/** Whether an answer written at `now` is accepted: the interview is running and within deadline + grace. */
export function acceptsWrites(interview: Timed, now: Date): boolean {
  return (
    interview.status === "IN_PROGRESS" &&
    (interview.deadlineAt === null || now.getTime() <= interview.deadlineAt.getTime() + SAVE_GRACE_MS)
  );
}

/** An interview still marked in progress whose time (and grace) is over: it is finalized when next read. */
export function isOverdue(interview: Timed, now: Date): boolean {
  return (
    interview.status === "IN_PROGRESS" &&
    interview.deadlineAt !== null &&
    now.getTime() > interview.deadlineAt.getTime() + SAVE_GRACE_MS
  );
}
