// What an interview's score rests on: a question left blank is unanswered, not wrong (docs/decisions/0013).

/**
 * Nothing but whitespace was submitted. A coding answer counts the same way: the editor stores "" until the
 * user types (the starter code is shown, never saved as their answer).
 */
export const isUnanswered = (content: string): boolean => content.trim() === "";

export type ScoredAnswer = { answered: boolean; score: number | null };

/**
 * The interview's score is the mean over the answers given that have a score (a coding answer waits for its
 * test report; a question without key points has none). Skipped questions are counted in `answered` of
 * `questions`, which the pages show beside the score, instead of lowering it as zeros.
 */
export function interviewTotal(items: readonly ScoredAnswer[]): {
  score: number | null;
  answered: number;
  questions: number;
} {
  const scored = items.filter((i) => i.answered && i.score !== null);
  return {
    score: scored.length ? scored.reduce((sum, i) => sum + i.score!, 0) / scored.length : null,
    answered: items.filter((i) => i.answered).length,
    questions: items.length,
  };
}
