// Export documents of any size, for measuring and testing POST /api/me/import: every field valid, texts
// of a chosen length, deterministic (a seeded generator), questions referenced by the slugs given.
import type { ExportDocument } from "../lib/schemas/export-document";

export type DocumentShape = {
  interviews: number;
  questionsPerInterview: number;
  /** Interview answers per interview that carry key point coverage (the rest were never scored). */
  coveredPerInterview: number;
  practiceAnswers: number;
  versionsPerAnswer: number;
  notes: number;
  bookmarks: number;
  sets: number;
  questionsPerSet: number;
  reviewCards: number;
  reviewLog: number;
  /** Key points in each coverage list. */
  coverageItems: number;
  /** Characters of each answer, version, draft and note. */
  textLength: number;
};

/** The document of issue #19: 2,000 interviews, 189 practice answers of 50 versions, 50,000 log rows (11.5 MB). */
export const ISSUE_19: DocumentShape = {
  interviews: 2_000,
  questionsPerInterview: 2,
  coveredPerInterview: 1,
  practiceAnswers: 189,
  versionsPerAnswer: 50,
  notes: 150,
  bookmarks: 100,
  sets: 20,
  questionsPerSet: 30,
  reviewCards: 170,
  reviewLog: 50_000,
  coverageItems: 2,
  textLength: 40,
};

/** Every count at its import limit (lib/schemas/export-document.ts), texts long enough to reach the byte limit. */
export const HEAVIEST: DocumentShape = {
  interviews: 5_000,
  questionsPerInterview: 10,
  coveredPerInterview: 10,
  practiceAnswers: 5_000,
  versionsPerAnswer: 4,
  notes: 5_000,
  bookmarks: 5_000,
  sets: 200,
  questionsPerSet: 500,
  reviewCards: 5_000,
  reviewLog: 100_000,
  coverageItems: 4,
  textLength: 110,
};

const WORDS = (
  "the queryset is lazy so select_related joins in one query while prefetch_related runs a second query and the cache " +
  "middleware wraps the view csrf token session transaction atomic index migration signal serializer permission"
).split(" ");

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

export function generateExportDocument(
  shape: DocumentShape,
  slugs: string[],
  companies: string[],
  seed = 19,
): ExportDocument {
  const distinct = Math.max(
    shape.questionsPerInterview,
    shape.questionsPerSet,
    shape.practiceAnswers,
    shape.notes,
    shape.bookmarks,
    shape.reviewCards,
  );
  if (slugs.length < distinct)
    throw new Error(`this shape names ${distinct} distinct questions; ${slugs.length} given`);
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const text = (length: number) => {
    let out = "";
    while (out.length < length) out += `${pick(WORDS)} `;
    return out.slice(0, length);
  };
  // Slugs in a rotating window, so rows of one kind never name a question twice.
  const slug = (n: number) => slugs[n % slugs.length]!;
  const day = 86_400_000;
  const base = Date.UTC(2025, 0, 1);
  const at = (ms: number) => new Date(base + ms).toISOString();
  const coverage = () =>
    Array.from({ length: shape.coverageItems }, (_, k) => k).map((k) => ({
      point: `Key point ${k} about queries`,
      covered: k % 2 === 0,
      heard: [{ concept: "queries", phrase: "the queries" }],
      missing: k % 2 ? ["a key point"] : [],
      wrong: [],
      named: [],
    }));
  const ratings = ["again", "hard", "good", "easy"] as const;
  return {
    format: "mockroom-export",
    version: 1,
    exportedAt: at(800 * day),
    profile: {
      email: "heavy@example.test",
      name: "Heavy user",
      timeMultiplier: 1.5,
      timeZone: "Europe/London",
      createdAt: at(0),
    },
    interviews: Array.from({ length: shape.interviews }, (_, i) => {
      const startedAt = (i * day) / 3;
      const mode = (["strict", "extended", "practice"] as const)[i % 3]!;
      return {
        title: "J.P. Morgan",
        company: pick(companies),
        mode,
        status: "finished" as const,
        seed: 1000 + i,
        topicFocus: [],
        timeMultiplier: mode === "extended" ? 2 : 1,
        startedAt: at(startedAt),
        deadlineAt: mode === "practice" ? null : at(startedAt + 3_600_000),
        endedAt: at(startedAt + 1_800_000),
        score: 0.5,
        questions: Array.from({ length: shape.questionsPerInterview }, (_, p) => ({
          question: slug(i + p),
          position: p,
          content: text(shape.textLength),
          revision: 3,
          flagged: p === 0,
          lateContent: null,
          timeSpentSeconds: 120,
          answeredAt: at(startedAt + 60_000 * (p + 1)),
          coverage: p < shape.coveredPerInterview ? coverage() : null,
          score: 0.5,
          rating: p % 5 === 0 ? pick([...ratings]) : null,
        })),
      };
    }),
    practiceAnswers: Array.from({ length: shape.practiceAnswers }, (_, i) => ({
      question: slug(i),
      draft: text(shape.textLength),
      revision: shape.versionsPerAnswer + 1,
      rating: "good" as const,
      ratedAt: at(i * day),
      createdAt: at(i * day),
      updatedAt: at(i * day + 1000),
      versions: Array.from({ length: shape.versionsPerAnswer }, (_, v) => ({
        number: v + 1,
        content: text(shape.textLength),
        score: 0.75,
        coverage: coverage(),
        createdAt: at(i * day + v),
      })),
    })),
    notes: Array.from({ length: shape.notes }, (_, i) => ({
      question: slug(i),
      content: text(shape.textLength),
      revision: 2,
      createdAt: at(i * day),
      updatedAt: at(i * day + 5),
    })),
    bookmarks: Array.from({ length: shape.bookmarks }, (_, i) => ({ question: slug(i), createdAt: at(i * day) })),
    sets: Array.from({ length: shape.sets }, (_, i) => ({
      name: `Set ${i + 1}`,
      description: "Questions for the week",
      createdAt: at(i * day),
      questions: Array.from({ length: shape.questionsPerSet }, (_, q) => slug(i + q)),
    })),
    reviewCards: Array.from({ length: shape.reviewCards }, (_, i) => ({
      question: slug(i),
      reason: "rated" as const,
      due: at(700 * day + i * 1000),
      stability: 12.5,
      difficulty: 5.2,
      elapsedDays: 3,
      scheduledDays: 12,
      learningSteps: 0,
      reps: 6,
      lapses: 1,
      state: 2,
      lastReview: at(690 * day),
      createdAt: at(i * day),
    })),
    reviewLog: Array.from({ length: shape.reviewLog }, (_, i) => ({
      question: slug(i % Math.max(1, shape.reviewCards)),
      rating: pick([...ratings]),
      source: "review" as const,
      reviewedAt: at(i * 60_000),
      due: at(i * 60_000 + day),
    })),
  };
}
