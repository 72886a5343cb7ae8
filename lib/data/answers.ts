import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { Prisma, type Rating } from "../generated/prisma/client";
import { acceptsWrites, SAVE_GRACE_MS } from "../interviews/clock";
import { MAX_ANSWER_BYTES, type SaveAnswerInput } from "../schemas/interviews";
import { loadInterview, notFound } from "./interviews";
import { recordRating } from "./review";
import { saveWithRevision } from "./save-with-revision";
import type { RatingName } from "../review/fsrs";

const timeUp = () =>
  new AppError(
    "TIME_UP",
    "Time is up: this interview no longer accepts answers. Your text is kept in the review as not submitted.",
  );

/**
 * The autosave's one statement (exported for the plan test in tests/integration/query-plans.test.ts): the
 * answer's new content, if the interview is the user's, running, within its deadline plus grace, and the
 * answer still at `revision`.
 */
export function saveAnswerStatement(
  userId: string,
  interviewId: string,
  questionId: string,
  input: SaveAnswerInput,
  now: Date,
): Prisma.Sql {
  const graceCutoff = new Date(now.getTime() - SAVE_GRACE_MS);
  return Prisma.sql`
    update "InterviewQuestion" iq
    set content = ${input.content}, revision = iq.revision + 1, "updatedAt" = ${now},
        "answeredAt" = coalesce(iq."answeredAt", ${now}),
        "timeSpentSeconds" = least(iq."timeSpentSeconds" + ${input.timeSpentSeconds ?? 0}, 86400)
    from "Interview" i
    where iq."interviewId" = i.id and i.id = ${interviewId}::uuid and i."userId" = ${userId}::uuid
      and iq."questionId" = ${questionId}::uuid and i.status = 'IN_PROGRESS'
      and (i."deadlineAt" is null or i."deadlineAt" >= ${graceCutoff})
      and iq.revision = ${input.revision}
    returning iq.revision, iq."updatedAt"`;
}

/**
 * Saves an answer if, in one statement, the interview is the user's, still running, within its
 * deadline (plus grace), and the answer is at the revision the client last saw. Otherwise says why:
 * 404 (not yours / unknown), 409 TIME_UP (nothing stored changes but the late text, kept aside), or
 * 409 CONFLICT with the current content so the client can show both versions.
 */
export async function saveAnswer(
  userId: string,
  interviewId: string,
  questionId: string,
  input: SaveAnswerInput,
  now = new Date(),
) {
  if (Buffer.byteLength(input.content) > MAX_ANSWER_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "Answers are limited to 100 KB.");
  return saveWithRevision(
    async () => {
      const [row] = await db().$queryRaw<{ revision: number; updatedAt: Date }[]>(
        saveAnswerStatement(userId, interviewId, questionId, input, now),
      );
      return row && { revision: row.revision, updatedAt: row.updatedAt.toISOString() };
    },
    async () => {
      const interview = await loadInterview(userId, interviewId, now); // 404 for others' ids; expires if overdue
      const answer = await db().interviewQuestion.findUnique({
        where: { interviewId_questionId: { interviewId, questionId } },
      });
      if (!answer) throw notFound();
      if (!acceptsWrites(interview, now)) {
        if (input.content !== answer.content)
          await db().interviewQuestion.update({ where: { id: answer.id }, data: { lateContent: input.content } });
        throw timeUp();
      }
      return { content: answer.content, revision: answer.revision };
    },
    "This answer was changed elsewhere (another tab or device). Choose which version to keep.",
  );
}

/**
 * Flags mark questions to come back to while the interview runs; once it has ended they are part of its record
 * and stay as they were (ratings, by contrast, are given in the review and never change the score).
 */
export async function setFlag(
  userId: string,
  interviewId: string,
  questionId: string,
  flagged: boolean,
  now = new Date(),
) {
  const interview = await loadInterview(userId, interviewId, now);
  if (interview.status !== "IN_PROGRESS")
    throw new AppError("CONFLICT", "This interview has ended: its flags stay as they were.");
  const result = await db().interviewQuestion.updateMany({
    where: { interviewId: interview.id, questionId },
    data: { flagged },
  });
  if (!result.count) throw notFound();
  return { flagged };
}

/** A rating in the interview review; Again/Hard also put the question in the revision queue. */
export async function rateAnswer(
  userId: string,
  interviewId: string,
  questionId: string,
  rating: Rating,
  now = new Date(),
) {
  const interview = await loadInterview(userId, interviewId, now);
  if (interview.status === "IN_PROGRESS")
    throw new AppError("CONFLICT", "Rate your answers once the interview has ended.");
  return db().$transaction(async (tx) => {
    const result = await tx.interviewQuestion.updateMany({
      where: { interviewId: interview.id, questionId },
      data: { rating },
    });
    if (!result.count) throw notFound();
    await recordRating(tx, userId, questionId, rating.toLowerCase() as RatingName, "INTERVIEW", now);
    return { rating: rating.toLowerCase() };
  });
}
