// The admin question editor (issue #24): what it reads, what it saves, and the history it keeps. A save is
// validated with the content schemas the seed loader uses (lib/schemas/content.ts, lib/schemas/rubric.ts), so
// what an admin saves is what a file in seed/ could hold.
import { z } from "zod";
import { pythonTestSchema, sqlTestSchema } from "./coding";
import { questionContentSchema, slugSchema, wrongSolutionSchema } from "./content";
import { cursorSchema, revisionSchema } from "./fields";
import { authoredKeyPointSchema } from "./rubric";

/** The editable content of a question: also what a revision keeps (with `archived`). */
export const editableFieldsSchema = questionContentSchema
  .pick({ title: true, prompt: true, modelAnswer: true, difficulty: true, tags: true, estimatedMinutes: true })
  .extend({
    topic: slugSchema,
    // Authored, always: the editor edits the rubric the scoring uses (an imported question's derived one is
    // its starting point).
    keyPoints: z.array(authoredKeyPointSchema).min(3, "needs 3 to 6 key points").max(6, "needs 3 to 6 key points"),
    companies: z
      .array(z.object({ slug: slugSchema, frequency: z.enum(["low", "medium", "high"]).optional() }))
      .max(10)
      .refine((list) => new Set(list.map((c) => c.slug)).size === list.length, "each company once"),
  });
export type EditableFields = z.infer<typeof editableFieldsSchema>;

const reasonSchema = z.string().trim().max(200, "The reason is at most 200 characters.").default("");

export const saveQuestionSchema = editableFieldsSchema
  .extend({ revision: revisionSchema, reason: reasonSchema })
  .strict()
  .meta({ id: "SaveQuestionRequest" });

export const createQuestionSchema = editableFieldsSchema
  .extend({ slug: slugSchema, reason: reasonSchema })
  .strict()
  .meta({ id: "CreateQuestionRequest" });

export const archiveQuestionSchema = z
  .object({ archived: z.boolean(), revision: revisionSchema, reason: reasonSchema })
  .strict()
  .meta({ id: "ArchiveQuestionRequest" });

export const restoreRevisionSchema = z
  .object({ revision: revisionSchema })
  .strict()
  .meta({ id: "RestoreRevisionRequest" });

const testList = <T extends z.ZodType>(test: T) =>
  z
    .array(test)
    .min(1, "needs at least 1 test")
    .max(60)
    .refine(
      (list) => new Set(list.map((t) => (t as { name: string }).name)).size === list.length,
      "test names must be unique",
    );

const distinctTests = (p: { visibleTests: { name: string }[]; hiddenTests: { name: string }[] }) =>
  new Set([...p.visibleTests, ...p.hiddenTests].map((t) => t.name)).size ===
  p.visibleTests.length + p.hiddenTests.length;

const wrongSolutions = z
  .array(wrongSolutionSchema)
  .max(20)
  .refine((list) => new Set(list.map((w) => w.name)).size === list.length, "wrong solution names must be unique");

/**
 * A coding problem's runnable part as the editor edits it: the starter, the reference solution, the tests (Python's
 * in the editor; a SQL problem's are built from its schema and rows in seed/problems, so they are shown, not
 * edited) and the recorded wrong solutions, each of which must fail a test.
 */
export const problemFieldsSchema = z.discriminatedUnion("language", [
  z
    .object({
      language: z.literal("python"),
      starterCode: z.string().max(20_000),
      solution: z.string().min(10).max(20_000),
      visibleTests: testList(pythonTestSchema),
      hiddenTests: testList(pythonTestSchema),
      wrongSolutions,
    })
    .refine(distinctTests, { message: "visible and hidden test names must be distinct", path: ["hiddenTests"] }),
  z.object({
    language: z.literal("sql"),
    starterCode: z.string().max(20_000),
    solution: z.string().min(10).max(20_000),
    visibleTests: z.array(sqlTestSchema),
    hiddenTests: z.array(sqlTestSchema),
    wrongSolutions,
  }),
]);
export type ProblemFields = z.infer<typeof problemFieldsSchema>;

export const saveProblemSchema = z
  .object({
    revision: revisionSchema,
    reason: reasonSchema,
    starterCode: z.string().max(20_000),
    solution: z.string().min(10, "The reference solution is at least 10 characters.").max(20_000),
    wrongSolutions,
    /** Python problems only; a SQL problem's tests are edited in seed/problems. */
    visibleTests: testList(pythonTestSchema).optional(),
    hiddenTests: testList(pythonTestSchema).optional(),
  })
  .strict()
  .refine((p) => (p.visibleTests === undefined) === (p.hiddenTests === undefined), {
    message: "send both visible and hidden tests, or neither",
    path: ["hiddenTests"],
  })
  .refine(
    (p) =>
      !p.visibleTests || !p.hiddenTests || distinctTests({ visibleTests: p.visibleTests, hiddenTests: p.hiddenTests }),
    {
      message: "visible and hidden test names must be distinct",
      path: ["hiddenTests"],
    },
  )
  .meta({ id: "SaveProblemRequest" });

/** A revision's snapshot as stored: the editable fields, whether the question was archived then, and a problem's code. */
export const snapshotSchema = editableFieldsSchema.extend({
  archived: z.boolean(),
  problem: problemFieldsSchema.optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const revisionSummarySchema = z.object({
  number: z.number().int(),
  author: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
  /** The fields this revision changed from the one before it (all of them for the first). */
  changed: z.array(z.string()),
});

export const editableQuestionSchema = z
  .object({
    slug: z.string(),
    kind: z.enum(["written", "coding"]),
    source: z.string(),
    /** Optimistic concurrency: send it back with a save; a save against an older one is a 409 with `current`. */
    revision: z.number().int(),
    archived: z.boolean(),
    editedAt: z.string().nullable(),
    /** True while the key points' rubric is the one derived from their sentences (an imported question). */
    derivedRubric: z.boolean(),
    fields: editableFieldsSchema,
    /** A coding problem's runnable part; null for a written question. */
    problem: problemFieldsSchema.nullable(),
    history: z.array(revisionSummarySchema),
  })
  .meta({ id: "EditableQuestion" });
export type EditableQuestion = z.infer<typeof editableQuestionSchema>;

export const adminQuestionListQuerySchema = z.object({
  q: z.string().trim().max(200, "Search terms must be at most 200 characters.").optional(),
  topic: slugSchema.optional(),
  status: z.enum(["live", "archived", "all"], { error: "status must be live, archived or all." }).default("all"),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100.").default(50),
});

export const adminQuestionListSchema = z
  .object({
    items: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        topic: z.string(),
        kind: z.enum(["written", "coding"]),
        archived: z.boolean(),
        editedAt: z.string().nullable(),
        openReports: z.number().int(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "AdminQuestionList" });
