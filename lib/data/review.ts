import "server-only";
import { db } from "../db/client";
import { lower } from "../db/enums";
import { AppError } from "../http/errors";
import type { Prisma, Rating, ReviewReason, ReviewSource } from "../generated/prisma/client";
import {
  applyRating,
  newCard,
  previewRatings,
  replay,
  stateNames,
  type RatingName,
  type StoredCard,
} from "../review/fsrs";
import type { ReviewQueue } from "../schemas/review";
import { questionIdBySlug } from "./notes";
import { runningTimedInterview } from "./withheld";

type Tx = Prisma.TransactionClient;

function cardFields(card: StoredCard) {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview,
  };
}

/** Puts a question in the queue as a new card due now, unless it is there already; returns the card. */
export async function enqueue(tx: Tx, userId: string, questionId: string, reason: ReviewReason, now: Date) {
  // ON CONFLICT DO NOTHING, then the card: concurrent adds of one question both succeed (an upsert could race
  // into a unique violation).
  await tx.reviewCard.createMany({
    data: [{ userId, questionId, reason, createdAt: now, ...cardFields(newCard(now)) }],
    skipDuplicates: true,
  });
  return tx.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId } } });
}

/**
 * Records a rating. Again or Hard (or any rating in /review) puts the question in the queue if needed;
 * a question already queued is rescheduled by FSRS whatever the rating. Every applied rating is logged.
 */
export async function recordRating(
  tx: Tx,
  userId: string,
  questionId: string,
  rating: RatingName,
  source: ReviewSource,
  now: Date,
): Promise<Date | null> {
  // The card row is locked for the rest of the transaction: two ratings at once are applied one after the
  // other, each to the card the other left (else both started from the same card and one was lost).
  await tx.$executeRaw`select 1 from "ReviewCard" where "userId" = ${userId}::uuid and "questionId" = ${questionId}::uuid for update`;
  let card = await tx.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
  if (!card) {
    if (source !== "REVIEW" && rating !== "again" && rating !== "hard") return null;
    card = await enqueue(tx, userId, questionId, "RATED", now);
  }
  const next = applyRating(card, rating, now);
  await tx.reviewCard.update({ where: { id: card.id }, data: cardFields(next) });
  await tx.reviewLog.create({
    data: { userId, questionId, rating: rating.toUpperCase() as Rating, source, reviewedAt: now, due: next.due },
  });
  return next.due;
}

const iso = (dates: Record<RatingName, Date>) =>
  Object.fromEntries(Object.entries(dates).map(([rating, date]) => [rating, date.toISOString()])) as Record<
    RatingName,
    string
  >;

/** Start and end of the user's current day, in their time zone, computed by PostgreSQL. */
async function today(userId: string, now: Date): Promise<{ start: Date; end: Date }> {
  const rows = await db().$queryRaw<{ start: Date; end: Date }[]>`
    select (date_trunc('day', ${now}::timestamptz at time zone u."timeZone") at time zone u."timeZone") as "start",
           ((date_trunc('day', ${now}::timestamptz at time zone u."timeZone") + interval '1 day') at time zone u."timeZone") as "end"
    from "User" u where u.id = ${userId}::uuid`;
  return rows[0] ?? { start: new Date(now.getTime() - 86_400_000), end: new Date(now.getTime() + 86_400_000) };
}

async function endOfToday(userId: string, now: Date): Promise<Date> {
  return (await today(userId, now)).end;
}

/** Learning and relearning: the FSRS states whose steps are minutes, not days. */
const STEPPING = new Set([1, 3]);

/**
 * The cards due today, split as a sitting needs them (lib/review/session.ts): `due`, those to show now, and
 * `later`, those the user rated here today whose next step (minutes) has not come yet: they wait, so a reload
 * does not show a card again before its time. A card rated elsewhere (Again in practice) is due now here.
 */
export async function reviewQueue(userId: string, now = new Date(), limit = 50): Promise<ReviewQueue> {
  const [{ start, end }, running] = await Promise.all([today(userId, now), runningTimedInterview(userId, now)]);
  // The questions of a running timed interview wait until it ends (lib/data/withheld.ts).
  const withheld = [...(running?.questionIds ?? [])];
  const [cards, upcoming, held] = await Promise.all([
    db().reviewCard.findMany({
      where: { userId, due: { lte: end }, questionId: { notIn: withheld } },
      orderBy: [{ due: "asc" }, { id: "asc" }],
      take: limit,
      include: {
        question: {
          select: {
            slug: true,
            title: true,
            prompt: true,
            modelAnswer: true,
            keyPoints: true,
            difficulty: true,
            topic: { select: { slug: true, name: true } },
          },
        },
      },
    }),
    db().reviewCard.count({ where: { userId, due: { gt: end } } }),
    withheld.length ? db().reviewCard.count({ where: { userId, due: { lte: end }, questionId: { in: withheld } } }) : 0,
  ]);
  const ratedHere = await db().reviewLog.findMany({
    where: { userId, source: "REVIEW", reviewedAt: { gte: start, lte: now } },
    select: { questionId: true, reviewedAt: true },
  });
  const lastRatedHere = new Map<string, number>();
  for (const log of ratedHere)
    lastRatedHere.set(log.questionId, Math.max(lastRatedHere.get(log.questionId) ?? 0, log.reviewedAt.getTime()));
  const waits = (c: (typeof cards)[number]) =>
    STEPPING.has(c.state) && c.due > now && c.lastReview?.getTime() === lastRatedHere.get(c.questionId);
  const inQueue = new Set(cards.map((c) => c.questionId));
  const card = (c: (typeof cards)[number]) => ({
    question: {
      slug: c.question.slug,
      title: c.question.title,
      prompt: c.question.prompt,
      modelAnswer: c.question.modelAnswer,
      keyPoints: c.question.keyPoints,
      difficulty: lower(c.question.difficulty),
      topic: c.question.topic,
    },
    reason: lower(c.reason),
    due: c.due.toISOString(),
    state: stateNames[c.state] ?? "new",
    reps: c.reps,
    lapses: c.lapses,
    // A waiting card is rated when it comes back: its intervals are those of that moment.
    next: iso(previewRatings(c, c.due > now ? c.due : now)),
  });
  return {
    due: cards.filter((c) => !waits(c)).map(card),
    later: cards.filter(waits).map(card),
    doneToday: [...lastRatedHere.keys()].filter((id) => !inQueue.has(id)).length,
    endOfDay: end.toISOString(),
    asOf: now.toISOString(),
    upcoming,
    withheld: held,
  };
}

export async function dueCount(userId: string, now = new Date()): Promise<number> {
  const end = await endOfToday(userId, now);
  return db().reviewCard.count({ where: { userId, due: { lte: end } } });
}

const notQueued = () => new AppError("NOT_FOUND", "This question is not in your revision queue.");

/**
 * A rating given in /review: only for a question in the queue. Answers the new due date and, for a card that
 * comes back later today, the intervals each rating will give then.
 */
export async function rateReview(userId: string, slug: string, rating: RatingName, now = new Date()) {
  const questionId = await questionIdBySlug(slug);
  return db().$transaction(async (tx) => {
    const card = await tx.reviewCard.findUnique({
      where: { userId_questionId: { userId, questionId } },
      select: { id: true },
    });
    if (!card) throw notQueued();
    await recordRating(tx, userId, questionId, rating, "REVIEW", now);
    const next = await tx.reviewCard.findUniqueOrThrow({ where: { id: card.id } });
    return { due: next.due.toISOString(), next: iso(previewRatings(next, next.due)) };
  });
}

export async function addToQueue(userId: string, slug: string, now = new Date()) {
  const questionId = await questionIdBySlug(slug);
  const card = await enqueue(db(), userId, questionId, "MANUAL", now);
  return { queued: true, due: card.due.toISOString() };
}

export async function removeFromQueue(userId: string, slug: string) {
  const questionId = await questionIdBySlug(slug);
  const deleted = await db().reviewCard.deleteMany({ where: { userId, questionId } });
  if (!deleted.count) throw notQueued();
}

/** The card as its log says it should be (createdAt, then every rating): for checks and repairs. */
export async function recomputeCard(userId: string, questionId: string): Promise<StoredCard | null> {
  const card = await db().reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
  if (!card) return null;
  const log = await db().reviewLog.findMany({
    where: { userId, questionId, reviewedAt: { gte: card.createdAt } },
    orderBy: { reviewedAt: "asc" },
  });
  return replay(
    card.createdAt,
    log.map((l) => ({ rating: lower(l.rating), reviewedAt: l.reviewedAt })),
  );
}
