// Schemas for the content in seed/ (and for imported guides): the loader, the importer and the tests
// validate with these, so a file that loads is a file the app can show.
import { z } from "zod";
import { pythonTestSchema, resultSetSchema } from "./coding";
import { authoredKeyPointSchema, type AuthoredKeyPoint } from "./rubric";

export const slugSchema = z
  .string()
  .min(2)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");

/**
 * UTF-8 read as cp1252 (a right quote shows as "a-circumflex, euro, trade mark"; an emoji starts with
 * "eth, Y-diaeresis"): such text must be repaired before it is stored. Escaped so this file is clean.
 */
export const MOJIBAKE =
  /\u00e2\u20ac|\u00e2\u2020|\u00e2\u0153|\u00c3[\u0080-\u00bf]|\u00f0\u0178|\u00c2[\u00a0-\u00bf]/;

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !MOJIBAKE.test(value), "contains broken characters (UTF-8 read as cp1252)");

/** Markdown whose ``` fences are all closed. */
const markdown = (min: number, max: number) =>
  text(min, max).refine(
    (value) => (value.match(/^\s*```/gm)?.length ?? 0) % 2 === 0,
    "has a code fence that is not closed",
  );

/**
 * Key points: each a sentence with its rubric (what seed/ authors), or only a sentence (an imported guide),
 * from which the importer derives a starting rubric (lib/scoring/derive.ts).
 */
const keyPointsSchema = z
  .array(z.union([text(2, 200), authoredKeyPointSchema]))
  .min(3, "needs 3 to 6 key points")
  .max(6, "needs 3 to 6 key points");

export type ContentKeyPoint = string | AuthoredKeyPoint;

export function keyPointText(point: ContentKeyPoint): string {
  return typeof point === "string" ? point : point.text;
}

export const difficultySchema = z.enum(["easy", "medium", "hard"]);
export const kindSchema = z.enum(["written", "coding"]);
export const frequencySchema = z.enum(["low", "medium", "high"]);

export const topicSchema = z.object({ slug: slugSchema, name: text(2, 80), order: z.number().int().min(0) });

export const questionContentSchema = z.object({
  slug: slugSchema,
  title: text(5, 300),
  prompt: markdown(5, 10_000),
  modelAnswer: markdown(40, 20_000),
  keyPoints: keyPointsSchema,
  difficulty: difficultySchema,
  kind: kindSchema.default("written"),
  tags: z.array(slugSchema).min(1).max(8),
  estimatedMinutes: z.number().int().min(1).max(60),
  source: z.object({ name: slugSchema, ref: text(2, 500).optional() }),
  companies: z
    .array(z.object({ slug: slugSchema, frequency: frequencySchema.optional() }))
    .max(10)
    .default([]),
  /**
   * Slugs of questions merged into this one: their pages and API answers redirect here (301), and the loader
   * moves users' data from them to this question (seed/merge.ts). A former slug is never a current one.
   */
  formerSlugs: z
    .array(slugSchema)
    .max(20)
    .refine((slugs) => new Set(slugs).size === slugs.length, "former slugs must be unique")
    .default([]),
});

export const companyContentSchema = z.object({
  slug: slugSchema,
  name: text(2, 80),
  description: text(20, 2_000),
  durationMinutes: z.number().int().min(5).max(240),
  questionCount: z.number().int().min(1).max(50),
  topicWeights: z
    .record(slugSchema, z.number().positive().max(100))
    .refine((w) => Object.keys(w).length > 0, "needs at least one topic"),
  difficultyMix: z
    .object({ easy: z.number().min(0).max(1), medium: z.number().min(0).max(1), hard: z.number().min(0).max(1) })
    .refine((m) => Math.abs(m.easy + m.medium + m.hard - 1) < 0.001, "shares must add up to 1"),
  codingProblems: z.number().int().min(0).max(10),
  styleNotes: markdown(20, 5_000),
});

const tests = (min: number) =>
  z
    .array(pythonTestSchema)
    .min(min, `needs at least ${min} tests`)
    .max(60)
    .refine((list) => new Set(list.map((t) => t.name)).size === list.length, "test names must be unique");

/**
 * A plausible wrong answer to a coding problem, kept with it so the checks can prove the tests catch it
 * (tests/unit/problems.test.ts). Content for authors and tests only: the loader does not store it.
 */
export const wrongSolutionSchema = z.object({
  name: slugSchema,
  why: text(10, 200),
  code: z.string().min(10).max(20_000),
});

/**
 * A SQL problem's test as authored: rows added to the problem's `schema` (optional), and the expected result
 * (written by seed/sql-expected.ts from the reference query, then read and checked by the author).
 */
const sqlContentTests = (min: number) =>
  z
    .array(
      z
        .object({
          name: z.string().trim().min(1).max(120),
          data: z.string().max(10_000).optional(),
          expected: resultSetSchema,
          ordered: z.boolean().optional(),
        })
        .refine((t) => t.expected.rows.every((row) => row.length === t.expected.columns.length), {
          message: "every expected row needs one value per column",
          path: ["expected"],
        }),
    )
    .min(min, `needs at least ${min} tests`)
    .max(60)
    .refine((list) => new Set(list.map((t) => t.name)).size === list.length, "test names must be unique");

/** A coding problem, one per file in seed/problems/<slug>.json; loaded as a Question of kind "coding". */
const problemFields = {
  slug: slugSchema,
  title: text(5, 300),
  topic: slugSchema,
  prompt: markdown(20, 10_000),
  starterCode: z.string().max(20_000),
  solution: z.string().min(10).max(20_000),
  modelAnswer: markdown(40, 20_000),
  keyPoints: keyPointsSchema,
  difficulty: difficultySchema,
  estimatedMinutes: z.number().int().min(5).max(60),
  tags: z.array(slugSchema).min(1).max(8),
  companies: z
    .array(z.object({ slug: slugSchema, frequency: frequencySchema.optional() }))
    .max(10)
    .default([]),
  wrongSolutions: z
    .array(wrongSolutionSchema)
    .max(20)
    .refine((list) => new Set(list.map((w) => w.name)).size === list.length, "wrong solution names must be unique")
    .default([]),
};

const pythonProblemSchema = z.object({
  ...problemFields,
  language: z.literal("python"),
  visibleTests: tests(1),
  hiddenTests: tests(1),
});

/** A SQL problem: `schema` creates its tables and rows (PostgreSQL 17), the candidate writes one query. */
const sqlProblemSchema = z.object({
  ...problemFields,
  language: z.literal("sql"),
  schema: z.string().min(20).max(10_000),
  visibleTests: sqlContentTests(1),
  hiddenTests: sqlContentTests(1),
});

/** Python unless the file says `"language": "sql"`; each language's fields and tests checked as its own. */
export const problemContentSchema = z
  .preprocess(
    (value) =>
      value && typeof value === "object" && !Array.isArray(value) && !("language" in value)
        ? { ...value, language: "python" }
        : value,
    z.discriminatedUnion("language", [pythonProblemSchema, sqlProblemSchema]),
  )
  .refine(
    (p) =>
      new Set([...p.visibleTests, ...p.hiddenTests].map((t) => t.name)).size ===
      p.visibleTests.length + p.hiddenTests.length,
    {
      message: "visible and hidden test names must be distinct",
      path: ["hiddenTests"],
    },
  );

export type ProblemContent = z.infer<typeof problemContentSchema>;
export type TopicContent = z.infer<typeof topicSchema>;
export type QuestionContent = z.infer<typeof questionContentSchema>;
export type CompanyContent = z.infer<typeof companyContentSchema>;

export const frequencyValue: Record<z.infer<typeof frequencySchema>, number> = { low: 1, medium: 2, high: 3 };
