import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import type { Rating } from "../generated/prisma/client";
import { readCoverage } from "../scoring/coverage";
import { scoredPoints } from "../scoring/derive";
import { keyPointCoverage } from "../scoring/match";
import type { RatingName } from "../review/fsrs";
import { MAX_PRACTICE_VERSIONS, PRACTICE_VERSIONS_SHOWN, type PracticeAnswerView } from "../schemas/practice";
import { assertDocumentSize, questionNotFound } from "./notes";
import { recordRating } from "./review";
import { saveWithRevision, writeDocument } from "./save-with-revision";
import { runningTimedInterview, withheldConflict } from "./withheld";

/** The question to practise; 409 while it is in the user's running timed interview (lib/data/withheld.ts). */
async function questionFor(userId: string, slug: string) {
  const [question, running] = await Promise.all([
    db().question.findUnique({ where: { slug }, select: { id: true, keyPoints: true, rubric: true } }),
    runningTimedInterview(userId),
  ]);
  if (!question) throw questionNotFound();
  if (running?.questionIds.has(question.id)) throw withheldConflict(running, "Practising a question of your interview");
  return question;
}

/** The view of a question the user has not practised. */
export const EMPTY_PRACTICE: PracticeAnswerView = {
  draft: "",
  revision: 0,
  rating: null,
  updatedAt: null,
  versions: [],
  versionCount: 0,
};

export async function getPractice(userId: string, slug: string): Promise<PracticeAnswerView> {
  return practiceOn(userId, (await questionFor(userId, slug)).id);
}

export async function practiceOn(userId: string, questionId: string): Promise<PracticeAnswerView> {
  const answer = await db().practiceAnswer.findUnique({
    where: { userId_questionId: { userId, questionId } },
    include: {
      versions: { orderBy: { number: "desc" }, take: PRACTICE_VERSIONS_SHOWN },
      _count: { select: { versions: true } },
    },
  });
  if (!answer) return EMPTY_PRACTICE;
  return {
    draft: answer.draft,
    revision: answer.revision,
    rating: answer.rating ? (answer.rating.toLowerCase() as RatingName) : null,
    updatedAt: answer.updatedAt.toISOString(),
    versions: answer.versions.reverse().map((v) => ({
      number: v.number,
      content: v.content,
      score: v.score,
      coverage: readCoverage(v.coverage),
      createdAt: v.createdAt.toISOString(),
    })),
    versionCount: answer._count.versions,
  };
}

/** Autosave of the working draft, revision-checked like interview answers (409 with the stored draft). */
export async function savePracticeDraft(
  userId: string,
  slug: string,
  input: { content: string; revision: number },
  now = new Date(),
) {
  assertDocumentSize(input.content, "Answers");
  const { id: questionId } = await questionFor(userId, slug);
  return saveWithRevision(
    async () => {
      const written = await writeDocument("practice", userId, questionId, input, now);
      return written && { revision: written.revision, updatedAt: now.toISOString() };
    },
    async () => {
      const current = await db().practiceAnswer.findUnique({ where: { userId_questionId: { userId, questionId } } });
      return current && { content: current.draft, revision: current.revision };
    },
    "This answer was changed elsewhere (another tab or device). Choose which version to keep.",
  );
}

/**
 * "Save answer": a new numbered version with its key point coverage, and the draft set to it, in one
 * transaction. The row lock on the answer serializes concurrent saves, so numbers never collide.
 */
export async function savePracticeVersion(userId: string, slug: string, content: string, now = new Date()) {
  assertDocumentSize(content, "Answers");
  if (!content.trim())
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { content: ["Write an answer before saving it."] },
    });
  const question = await questionFor(userId, slug);
  const { points, score } = keyPointCoverage(content, scoredPoints(question.keyPoints, question.rubric));
  return db().$transaction(async (tx) => {
    const answer = await tx.practiceAnswer.upsert({
      where: { userId_questionId: { userId, questionId: question.id } },
      create: { userId, questionId: question.id, draft: content, revision: 1, updatedAt: now },
      update: { draft: content, revision: { increment: 1 }, updatedAt: now },
    });
    const last = await tx.practiceAnswerVersion.findFirst({
      where: { answerId: answer.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const number = (last?.number ?? 0) + 1;
    if (number > MAX_PRACTICE_VERSIONS)
      throw new AppError("CONFLICT", `A question keeps at most ${MAX_PRACTICE_VERSIONS} saved versions.`);
    const version = await tx.practiceAnswerVersion.create({
      data: { answerId: answer.id, number, content, coverage: points, score, createdAt: now },
    });
    return {
      revision: answer.revision,
      version: { number: version.number, content, score, coverage: points, createdAt: version.createdAt.toISOString() },
    };
  });
}

/** Self-rating of a practised question; Again/Hard put it in the revision queue (see recordRating). */
export async function ratePractice(userId: string, slug: string, rating: RatingName, now = new Date()) {
  const question = await questionFor(userId, slug);
  return db().$transaction(async (tx) => {
    await tx.practiceAnswer.upsert({
      where: { userId_questionId: { userId, questionId: question.id } },
      create: { userId, questionId: question.id, rating: rating.toUpperCase() as Rating, ratedAt: now, updatedAt: now },
      update: { rating: rating.toUpperCase() as Rating, ratedAt: now },
    });
    const due = await recordRating(tx, userId, question.id, rating, "PRACTICE", now);
    return { rating, queuedUntil: due?.toISOString() ?? null };
  });
}
