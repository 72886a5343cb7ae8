import "server-only";
// While a user sits a timed interview (strict, or extended: the same test with more time), the app does not
// hand them that interview's model answers, key points or reference solutions through any other page or
// route (question page and API, search snippets, practice, the revision queue, the reviews of their other
// interviews, the export). The bank stays public to everyone else: this only governs the user's own session.
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { Prisma } from "../generated/prisma/client";
import { SAVE_GRACE_MS } from "../interviews/clock";

/**
 * "A timed interview" in SQL, for the interview alias `i`: spelled out (not a parameter) so the planner can use
 * the partial unique index of running timed interviews, whose predicate is the same (prisma/migrations).
 */
export const TIMED = Prisma.raw(`i.mode in ('STRICT', 'EXTENDED')`);

/** The user's running timed interview `i` (its deadline, with the grace for saves in flight, not yet past). */
export const runningTimedWhere = (userId: string, now: Date) =>
  Prisma.sql`i."userId" = ${userId}::uuid and i.status = 'IN_PROGRESS' and ${TIMED}
    and i."deadlineAt" > ${new Date(now.getTime() - SAVE_GRACE_MS)}`;

export type RunningTimedInterview = { id: string; deadlineAt: Date; questionIds: Set<string>; slugs: Set<string> };

/** The user's running timed interview (its deadline not yet past) with its questions, or null. One indexed query. */
export async function runningTimedInterview(userId: string, now = new Date()): Promise<RunningTimedInterview | null> {
  const rows = await db().$queryRaw<{ id: string; deadlineAt: Date; questionIds: string[]; slugs: string[] }[]>`
    select i.id::text, i."deadlineAt", array_agg(q.id::text) as "questionIds", array_agg(q.slug) as slugs
    from "Interview" i
    join "InterviewQuestion" iq on iq."interviewId" = i.id
    join "Question" q on q.id = iq."questionId"
    where ${runningTimedWhere(userId, now)}
    group by i.id, i."deadlineAt"
    limit 1`;
  const row = rows[0];
  return row
    ? { id: row.id, deadlineAt: row.deadlineAt, questionIds: new Set(row.questionIds), slugs: new Set(row.slugs) }
    : null;
}

/** What a page says instead of the content it withholds. */
export const WITHHELD_NOTE =
  "This question is in the timed interview you are taking. Its model answer, key points and practice come back when the interview ends.";

/** The question without what it withholds: its model answer and key points. */
export function withholdQuestion<T extends { modelAnswer: string; keyPoints: string[]; withheld: boolean }>(
  question: T,
): T {
  return { ...question, modelAnswer: "", keyPoints: [], withheld: true };
}

/** 409 for a route that would show or score against a withheld question (practice, the export). */
export function withheldConflict(running: RunningTimedInterview, what: string): AppError {
  return new AppError(
    "CONFLICT",
    `${what} is not available while your timed interview is running. Finish it first, or wait until its time is up.`,
    {
      extra: { interview: { id: running.id, deadlineAt: running.deadlineAt.toISOString() } },
    },
  );
}

/**
 * Search results as `userId` may see them: without the questions of their running timed interview. Their
 * snippets quote model answers, and whether they match at all says whether a word is in one.
 */
export async function withholdFromSearch<T extends { items: { slug: string }[] }>(
  userId: string | null,
  list: T,
): Promise<T> {
  if (!userId || !list.items.length) return list;
  const running = await runningTimedInterview(userId);
  if (!running) return list;
  return { ...list, items: list.items.filter((item) => !running.slugs.has(item.slug)) };
}
