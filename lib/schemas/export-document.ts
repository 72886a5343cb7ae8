// The export document: complete, versioned, and what POST /api/me/import accepts. Each kind of row has one
// schema, built from the same field rules as the routes that create that row (lib/schemas/fields.ts), so an
// import cannot store what the app would refuse. The importer validates row by row with these
// (lib/data/account-import.ts); exportDocumentSchema is the whole document, for OpenAPI and tests.
import { S_MAX, S_MIN, default_maximum_interval } from "ts-fsrs";
import { z } from "zod";
import { slugSchema } from "./content";
import {
  counterSchema,
  coverageSchema,
  instantSchema,
  nonNegativeInt,
  revisionSchema,
  scoreSchema,
  timeMultiplierSchema,
  timeSpentSchema,
  timeZoneSchema,
  utf8Text,
} from "./fields";
import { MAX_ANSWER_BYTES, modeSchema, ratingSchema, statusSchema } from "./interviews";
import { IMPORT_LIMITS } from "./import-limits";
import { MAX_DOCUMENT_BYTES } from "./fields";
import { MAX_PRACTICE_VERSIONS } from "./practice";
import { MAX_SET_QUESTIONS, setDescriptionSchema, setNameSchema } from "./sets";

export { IMPORT_LIMITS };

export const EXPORT_FORMAT = "mockroom-export";
export const EXPORT_VERSION = 1;

/** Company profiles ask at most 50 questions (lib/schemas/content.ts); room to spare. */
export const MAX_INTERVIEW_QUESTIONS = 60;

const instantOrNull = instantSchema.nullable();
const unique = <T>(
  items: T[],
  key: (item: T) => unknown,
  context: z.RefinementCtx,
  path: (i: number) => (string | number)[],
  message: string,
) => {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) context.addIssue({ code: "custom", message, path: path(i) });
    seen.add(k);
  });
};
const notBefore = (later: string | null, earlier: string) => later === null || Date.parse(later) >= Date.parse(earlier);

export const exportProfileSchema = z.object({
  email: z.string().max(320),
  name: z.string().max(200).nullable(),
  timeMultiplier: timeMultiplierSchema,
  timeZone: timeZoneSchema,
  createdAt: instantSchema,
});

const interviewAnswerSchema = z.object({
  question: slugSchema,
  title: z.string().max(300).optional(),
  position: z
    .number()
    .int()
    .min(0)
    .max(MAX_INTERVIEW_QUESTIONS - 1),
  content: utf8Text(MAX_ANSWER_BYTES),
  revision: revisionSchema,
  flagged: z.boolean(),
  lateContent: utf8Text(MAX_ANSWER_BYTES).nullable(),
  timeSpentSeconds: timeSpentSchema,
  answeredAt: instantOrNull,
  coverage: coverageSchema.nullable(),
  score: scoreSchema.nullable(),
  rating: ratingSchema.nullable(),
});

export const exportInterviewSchema = z
  .object({
    title: z.string().max(200),
    company: slugSchema.nullable().describe("Company profile slug; null for set or topic practice"),
    mode: modeSchema,
    status: statusSchema,
    seed: nonNegativeInt(),
    topicFocus: z.array(slugSchema).max(20),
    timeMultiplier: z.number().describe("1, or 1.5 or 2 in extended mode"),
    startedAt: instantSchema,
    deadlineAt: instantOrNull.describe("null exactly in practice mode"),
    endedAt: instantOrNull,
    score: scoreSchema.nullable(),
    questions: z.array(interviewAnswerSchema).max(MAX_INTERVIEW_QUESTIONS),
  })
  .superRefine((i, context) => {
    // As lib/data/interviews.ts starts them: extended time only in extended mode, a deadline unless practice.
    const multipliers = i.mode === "extended" ? [1.5, 2] : [1];
    if (!multipliers.includes(i.timeMultiplier))
      context.addIssue({
        code: "custom",
        path: ["timeMultiplier"],
        message: i.mode === "extended" ? "must be 1.5 or 2" : "must be 1 outside extended mode",
      });
    if ((i.deadlineAt === null) !== (i.mode === "practice"))
      context.addIssue({
        code: "custom",
        path: ["deadlineAt"],
        message: i.mode === "practice" ? "must be null in practice mode" : "is required in timed modes",
      });
    if (!notBefore(i.deadlineAt, i.startedAt))
      context.addIssue({ code: "custom", path: ["deadlineAt"], message: "is before startedAt" });
    if (!notBefore(i.endedAt, i.startedAt))
      context.addIssue({ code: "custom", path: ["endedAt"], message: "is before startedAt" });
    unique(
      i.questions,
      (q) => q.position,
      context,
      (n) => ["questions", n, "position"],
      "appears twice in this interview",
    );
    unique(
      i.questions,
      (q) => q.question,
      context,
      (n) => ["questions", n, "question"],
      "appears twice in this interview",
    );
  });

export const exportPracticeAnswerSchema = z
  .object({
    question: slugSchema,
    draft: utf8Text(MAX_DOCUMENT_BYTES),
    revision: revisionSchema,
    rating: ratingSchema.nullable(),
    ratedAt: instantOrNull,
    createdAt: instantSchema,
    updatedAt: instantSchema,
    versions: z
      .array(
        z.object({
          number: z.number().int().min(1).max(MAX_PRACTICE_VERSIONS),
          content: utf8Text(MAX_DOCUMENT_BYTES),
          score: scoreSchema,
          coverage: coverageSchema,
          createdAt: instantSchema,
        }),
      )
      .max(MAX_PRACTICE_VERSIONS),
  })
  .superRefine((p, context) =>
    unique(
      p.versions,
      (v) => v.number,
      context,
      (n) => ["versions", n, "number"],
      "appears twice in this answer",
    ),
  );

export const exportNoteSchema = z.object({
  question: slugSchema,
  content: utf8Text(MAX_DOCUMENT_BYTES),
  revision: revisionSchema.min(1),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export const exportBookmarkSchema = z.object({ question: slugSchema, createdAt: instantSchema });
export const exportSetSchema = z
  .object({
    name: setNameSchema,
    description: setDescriptionSchema,
    createdAt: instantSchema,
    questions: z.array(slugSchema).max(MAX_SET_QUESTIONS),
  })
  .superRefine((s, context) =>
    unique(
      s.questions,
      (q) => q,
      context,
      (n) => ["questions", n],
      "appears twice in this set",
    ),
  );

/** An FSRS memory state as ts-fsrs produces it: a new card is all zeros; a reviewed one has S and D in range. */
export const exportReviewCardSchema = z
  .object({
    question: slugSchema,
    reason: z.enum(["manual", "rated", "low_score", "skipped"]),
    due: instantSchema,
    stability: z.number().min(0).max(S_MAX),
    difficulty: z.number().min(0).max(10),
    elapsedDays: z.number().int().min(0).max(default_maximum_interval),
    scheduledDays: z.number().int().min(0).max(default_maximum_interval),
    learningSteps: z.number().int().min(0).max(100),
    reps: counterSchema(),
    lapses: counterSchema(),
    state: z.number().int().min(0).max(3).describe("0 new, 1 learning, 2 review, 3 relearning"),
    lastReview: instantOrNull,
    createdAt: instantSchema,
  })
  .superRefine((c, context) => {
    if (c.state === 0) return;
    if (c.stability < S_MIN)
      context.addIssue({
        code: "custom",
        path: ["stability"],
        message: `must be at least ${S_MIN} once the card has been reviewed`,
      });
    if (c.difficulty < 1)
      context.addIssue({
        code: "custom",
        path: ["difficulty"],
        message: "must be between 1 and 10 once the card has been reviewed",
      });
  });

export const exportReviewLogSchema = z.object({
  question: slugSchema,
  rating: ratingSchema,
  source: z.enum(["review", "practice", "interview"]),
  reviewedAt: instantSchema,
  due: instantSchema,
});

/** The rows of each kind, in the document's order; `limit` is the most one import holds. */
export const EXPORT_KINDS = {
  interviews: { schema: exportInterviewSchema, limit: IMPORT_LIMITS.interviews, what: "interviews" },
  practiceAnswers: {
    schema: exportPracticeAnswerSchema,
    limit: IMPORT_LIMITS.practiceAnswers,
    what: "practice answers",
  },
  notes: { schema: exportNoteSchema, limit: IMPORT_LIMITS.notes, what: "notes" },
  bookmarks: { schema: exportBookmarkSchema, limit: IMPORT_LIMITS.bookmarks, what: "bookmarks" },
  sets: { schema: exportSetSchema, limit: IMPORT_LIMITS.sets, what: "sets" },
  reviewCards: { schema: exportReviewCardSchema, limit: IMPORT_LIMITS.reviewCards, what: "review cards" },
  reviewLog: { schema: exportReviewLogSchema, limit: IMPORT_LIMITS.reviewLog, what: "review ratings" },
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

export const exportHeaderSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: instantSchema,
  profile: exportProfileSchema,
});

export const exportDocumentSchema = exportHeaderSchema
  .extend({
    interviews: z.array(exportInterviewSchema).max(IMPORT_LIMITS.interviews),
    practiceAnswers: z.array(exportPracticeAnswerSchema).max(IMPORT_LIMITS.practiceAnswers),
    notes: z.array(exportNoteSchema).max(IMPORT_LIMITS.notes),
    bookmarks: z.array(exportBookmarkSchema).max(IMPORT_LIMITS.bookmarks),
    sets: z.array(exportSetSchema).max(IMPORT_LIMITS.sets),
    reviewCards: z.array(exportReviewCardSchema).max(IMPORT_LIMITS.reviewCards),
    reviewLog: z.array(exportReviewLogSchema).max(IMPORT_LIMITS.reviewLog),
  })
  .superRefine((doc, context) => {
    // One row per question and kind (the tables' unique keys); sets are unique by name.
    for (const kind of ["practiceAnswers", "notes", "bookmarks", "reviewCards"] as const) {
      unique<{ question: string }>(
        doc[kind],
        (row) => row.question,
        context,
        (n) => [kind, n, "question"],
        `appears twice in ${EXPORT_KINDS[kind].what}`,
      );
    }
    unique(
      doc.sets,
      (s) => s.name,
      context,
      (n) => ["sets", n, "name"],
      "appears twice in sets",
    );
  })
  .meta({
    id: "ExportDocument",
    description:
      `Everything an account owns. An import holds at most ${IMPORT_LIMITS.bytes / 2 ** 20} MB, ${IMPORT_LIMITS.interviews} interviews ` +
      `(${IMPORT_LIMITS.interviewAnswers} answers in all), ${IMPORT_LIMITS.practiceAnswers} practice answers (${IMPORT_LIMITS.practiceVersions} versions in all), ` +
      `${IMPORT_LIMITS.notes} notes, ${IMPORT_LIMITS.bookmarks} bookmarks, ${IMPORT_LIMITS.sets} sets, ${IMPORT_LIMITS.reviewCards} review cards and ` +
      `${IMPORT_LIMITS.reviewLog} review ratings (413 beyond). A question appears once per interview, set, and kind of row; dates are 1970-2199.`,
  });

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
export type ExportInterview = z.infer<typeof exportInterviewSchema>;
export type ExportPracticeAnswer = z.infer<typeof exportPracticeAnswerSchema>;
