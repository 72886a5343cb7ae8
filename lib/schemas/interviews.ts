import { z } from "zod";
import { difficultySchema, kindSchema, slugSchema } from "./content";
import { extendedMultiplierSchema, keyPointCoverageSchema, revisionSchema, timeSpentSchema } from "./fields";
import { codeLanguageSchema, pythonTestSchema, sqlTestSchema, storedTestResultsSchema } from "./coding";

export const MAX_ANSWER_BYTES = 100 * 1024;

export const modeSchema = z.enum(["strict", "practice", "extended"]);
export const statusSchema = z.enum(["in_progress", "finished", "expired", "abandoned"]);
export const ratingSchema = z.enum(["again", "hard", "good", "easy"]);

export const startInterviewSchema = z
  .object({
    company: slugSchema,
    mode: modeSchema,
    topics: z.array(slugSchema).max(20).optional(),
    /** Extended mode only: 1.5 or 2 (default: the user's setting, else 1.5). */
    timeMultiplier: extendedMultiplierSchema.optional(),
  })
  .meta({ id: "StartInterviewRequest" });

export const saveAnswerSchema = z
  .object({
    /** At most MAX_ANSWER_BYTES of UTF-8; a longer one is refused with 413 (lib/data/answers.ts). */
    content: z.string(),
    revision: revisionSchema,
    /** Seconds spent on this question since the last save, as the browser measured it. */
    timeSpentSeconds: timeSpentSchema.optional(),
  })
  .meta({ id: "SaveAnswerRequest" });

export const flagSchema = z.object({ flagged: z.boolean() }).meta({ id: "FlagRequest" });
/** The question the user has open in the room, so a reload or another device opens on it. */
export const currentQuestionSchema = z.object({ questionId: z.uuid() }).meta({ id: "CurrentQuestionRequest" });
export const rateSchema = z.object({ rating: ratingSchema }).meta({ id: "RateRequest" });

export const interviewListQuerySchema = z.object({
  company: slugSchema.optional(),
  status: statusSchema.optional(),
  cursor: z
    .string()
    .max(300)
    .regex(/^[\w-]*$/, "Invalid cursor.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Coding questions: what the room needs to run the visible tests (hidden ones come after the end). */
const codingPart = z.object({
  language: codeLanguageSchema,
  starterCode: z.string(),
  visibleTests: z.array(z.union([pythonTestSchema, sqlTestSchema])),
});
const interviewQuestion = z.object({
  id: z.uuid(),
  position: z.number().int(),
  slug: z.string(),
  title: z.string(),
  prompt: z.string(),
  kind: kindSchema,
  topic: z.string(),
  flagged: z.boolean(),
  coding: codingPart.nullable(),
});
const answer = z.object({
  questionId: z.uuid(),
  content: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  lateContent: z.string().nullable(),
});

export const reviewSchema = z.object({
  /** The mean over the answered questions that have a score; null when none has (all skipped, say). */
  score: z.number().nullable(),
  /** Questions with a submitted answer, of `questions`: a skipped question is not scored as wrong. */
  answered: z.number().int(),
  questions: z.number().int(),
  byTopic: z.array(z.object({ topic: z.string(), score: z.number(), questions: z.number().int() })),
  items: z.array(
    z.object({
      questionId: z.uuid(),
      /** True while the user's running timed interview asks this question: modelAnswer, keyPoints and coverage are empty until it ends. */
      withheld: z.boolean(),
      /** Nothing was submitted: no coverage and no score (not a zero), and the revision queue says "skipped". */
      skipped: z.boolean(),
      /** The key points' rubric was derived from their sentences (an imported question), not written by an author. */
      rubricDerived: z.boolean(),
      modelAnswer: z.string(),
      keyPoints: z.array(z.string()),
      coverage: z.array(keyPointCoverageSchema),
      score: z.number().nullable(),
      rating: ratingSchema.nullable(),
      timeSpentSeconds: z.number().int(),
      flagged: z.boolean(),
      difficulty: difficultySchema,
      /** Coding questions: the test report the browser sent when the interview ended (self-reported). */
      testResults: storedTestResultsSchema.nullable(),
    }),
  ),
});

export const interviewSchema = z
  .object({
    id: z.uuid(),
    status: statusSchema,
    mode: modeSchema,
    /** The profile's name, or the set's for a practice interview built from a set. */
    title: z.string(),
    company: z.object({ slug: z.string(), name: z.string() }).nullable(),
    startedAt: z.string(),
    deadlineAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    serverNow: z.string(),
    score: z.number().nullable(),
    /** The question the user last had open in the room (null: the first). */
    currentQuestionId: z.uuid().nullable(),
    questions: z.array(interviewQuestion),
    answers: z.array(answer),
    review: reviewSchema.optional(),
  })
  .meta({ id: "Interview" });

export const interviewSummarySchema = z.object({
  id: z.uuid(),
  status: statusSchema,
  mode: modeSchema,
  title: z.string(),
  company: z.object({ slug: z.string(), name: z.string() }).nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** When a timed interview's time is up (null in practice mode). */
  deadlineAt: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  score: z.number().nullable(),
  questionCount: z.number().int(),
  /** Questions with an answer (saved at least once; blank ones are cleared when the interview ends). */
  answeredCount: z.number().int(),
});

export const interviewListSchema = z
  .object({ items: z.array(interviewSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "InterviewList" });

export type StartInterviewInput = z.infer<typeof startInterviewSchema>;
export type SaveAnswerInput = z.infer<typeof saveAnswerSchema>;
export type InterviewView = z.infer<typeof interviewSchema>;
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;
export type InterviewListQuery = z.infer<typeof interviewListQuerySchema>;
