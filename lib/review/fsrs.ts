// Spaced repetition with FSRS (ts-fsrs). Pure functions: a stored card <-> an FSRS card, one rating applied,
// and a whole log replayed from a new card (so the schedule can always be recomputed from the ratings).
import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating, type Card, type Grade } from "ts-fsrs";

export type RatingName = "again" | "hard" | "good" | "easy";

/**
 * Scores below this in an ended mock interview put the question in the revision queue (lib/data/interviews.ts on
 * finishing; lib/scoring/rescore.ts when a rescore moves a score across it).
 */
export const LOW_SCORE = 0.5;

/** Fuzz off: the same ratings at the same times always give the same schedule, so replays match. */
const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));

const grades: Record<RatingName, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

export type StoredCard = {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: Date | null;
};

export function newCard(now: Date): StoredCard {
  return fromFsrs(createEmptyCard(now));
}

export function toFsrs(card: StoredCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

export function fromFsrs(card: Card): StoredCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  };
}

export function applyRating(card: StoredCard, rating: RatingName, at: Date): StoredCard {
  return fromFsrs(scheduler.next(toFsrs(card), at, grades[rating]).card);
}

/** When each rating would bring the card back, if given at `at`. */
export function previewRatings(card: StoredCard, at: Date): Record<RatingName, Date> {
  const preview = scheduler.repeat(toFsrs(card), at);
  return {
    again: preview[FsrsRating.Again].card.due,
    hard: preview[FsrsRating.Hard].card.due,
    good: preview[FsrsRating.Good].card.due,
    easy: preview[FsrsRating.Easy].card.due,
  };
}

/** The card a log produces: a new card at `createdAt`, then every rating in order. */
export function replay(createdAt: Date, log: { rating: RatingName; reviewedAt: Date }[]): StoredCard {
  const ordered = [...log].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  return ordered.reduce((card, entry) => applyRating(card, entry.rating, entry.reviewedAt), newCard(createdAt));
}

export const stateNames = ["new", "learning", "review", "relearning"] as const;
