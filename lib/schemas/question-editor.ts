// The admin question editor (issue #24): what it reads, what it saves, and the history it keeps. A save is
// validated with the content schemas the seed loader uses (lib/schemas/content.ts, lib/schemas/rubric.ts), so
// what an admin saves is what a file in seed/ could hold.
import { z } from "zod";
import { questionContentSchema, slugSchema } from "./content";
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

/** A revision's snapshot as stored: the editable fields and whether the question was archived then. */
export const snapshotSchema = editableFieldsSchema.extend({ archived: z.boolean() });
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
