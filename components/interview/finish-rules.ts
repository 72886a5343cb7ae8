import { SAVE_GRACE_MS } from "@/lib/interviews/clock";
import type { InterviewView } from "@/lib/schemas/interviews";

const clockTime = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" }).format(date);

/**
 * What happens to the answers of an interview that could not finish (the device is offline), by the rules the
 * server applies (lib/interviews/clock.ts): writes count until the deadline plus a short grace; after it the
 * interview ends with what was saved, and text that arrives later is kept in the review as not submitted.
 */
export function finishRules(
  interview: Pick<InterviewView, "mode" | "deadlineAt">,
  now: number,
  formatTime: (date: Date) => string = clockTime,
): string {
  if (interview.mode === "practice" || !interview.deadlineAt)
    return "Practice has no time limit: everything you wrote counts whenever the connection returns.";
  const deadline = new Date(interview.deadlineAt);
  const grace = `${SAVE_GRACE_MS / 1000} seconds`;
  if (now > deadline.getTime() + SAVE_GRACE_MS)
    return `The deadline (${formatTime(deadline)}) has passed: the interview ends with the answers saved by then; what you wrote after is kept in the review as not submitted.`;
  return `The clock keeps running. Answers that reach Mockroom by ${formatTime(deadline)} (plus ${grace} of grace) count; if the connection is still down then, the interview ends with the answers saved before, and what you wrote since is kept in the review as not submitted.`;
}
