// Schemas for what a user writes outside interviews: notes, practice answers, bookmarks, sets, the revision
// queue, and the export document. Routes parse with these; lib/openapi.ts documents them.
import { z } from "zod";
import { slugSchema } from "./content";
import { keyPointCoverageSchema, revisionSchema } from "./fields";
import { ratingSchema } from "./interviews";
import { searchMatchSchema } from "./search";

/** Notes and practice answers: at most 100 KB of UTF-8 each (413 beyond, checked on the bytes). */
export const MAX_DOCUMENT_BYTES = 100 * 1024;
export const MAX_SETS = 200;
export const MAX_SET_QUESTIONS = 500;
/** A question keeps at most this many saved versions of a user's practice answer. */
export const MAX_PRACTICE_VERSIONS = 1_000;
/** Versions a question page and GET …/practice carry (the newest): 1,000 of 100 KB would be 100 MB a request. */
export const PRACTICE_VERSIONS_SHOWN = 50;

const cursor = z.string().max(500).regex(/^[\w-]*$/, "Invalid cursor.");

export const saveNoteSchema = z
  .object({
    content: z.string(),
    /** The revision the client last saw: 0 for a note that does not exist yet. */
    revision: revisionSchema,
  })
  .meta({ id: "SaveNoteRequest" });

export const noteSchema = z
  .object({
    question: z.object({ slug: z.string(), title: z.string(), topic: z.object({ slug: z.string(), name: z.string() }) }),
    content: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Note" });

export const noteListQuerySchema = z.object({
  q: z.string().trim().max(200, "Search terms must be at most 200 characters.").optional(),
  topic: slugSchema.optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100.").default(20),
});

export const noteListSchema = z
  .object({
    items: z.array(
      noteSchema.extend({
        snippet: z.string().optional().describe("HTML-escaped excerpt with <mark> around the matches (searches only)"),
        partial: z.literal(true).optional().describe("Searches only: the note holds some of the words, not all"),
      }),
    ),
    nextCursor: z.string().nullable(),
    match: searchMatchSchema.optional(),
    searched: z.string().optional().describe("Searches only: the words searched, after question words were dropped"),
  })
  .meta({ id: "NoteList" });

export const savePracticeDraftSchema = z
  .object({ content: z.string(), revision: revisionSchema })
  .meta({ id: "SavePracticeDraftRequest" });

export const savePracticeVersionSchema = z.object({ content: z.string() }).meta({ id: "SavePracticeVersionRequest" });

export const practiceRatingSchema = z.object({ rating: ratingSchema }).meta({ id: "PracticeRatingRequest" });


export const practiceVersionSchema = z.object({
  number: z.number().int(),
  content: z.string(),
  score: z.number(),
  coverage: z.array(keyPointCoverageSchema),
  createdAt: z.string(),
});

export const practiceAnswerSchema = z
  .object({
    draft: z.string(),
    revision: z.number().int(),
    rating: ratingSchema.nullable(),
    updatedAt: z.string().nullable(),
    /** The newest PRACTICE_VERSIONS_SHOWN (50) versions, oldest first; the export has all of them. */
    versions: z.array(practiceVersionSchema),
    /** How many versions are kept in all. */
    versionCount: z.number().int(),
  })
  .meta({ id: "PracticeAnswer" });

export const setNameSchema = z
  .string()
  .trim()
  .min(1, "Give the set a name.")
  .max(80, "Set names are at most 80 characters.")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Set names cannot contain control characters.");

export const setDescriptionSchema = z.string().trim().max(500, "Descriptions are at most 500 characters.");

export const createSetSchema = z
  .object({
    name: setNameSchema,
    description: setDescriptionSchema.default(""),
    questions: z.array(slugSchema).max(MAX_SET_QUESTIONS).default([]),
  })
  .meta({ id: "CreateSetRequest" });

export const updateSetSchema = z
  .object({ name: setNameSchema.optional(), description: setDescriptionSchema.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, "Send a name or a description.")
  .meta({ id: "UpdateSetRequest" });

const questionRef = z.object({ slug: z.string(), title: z.string(), topic: z.object({ slug: z.string(), name: z.string() }), difficulty: z.string() });

export const setSummarySchema = z.object({ id: z.uuid(), name: z.string(), description: z.string(), questionCount: z.number().int(), updatedAt: z.string() });
export const setListSchema = z.object({ items: z.array(setSummarySchema) }).meta({ id: "SetList" });
export const setDetailSchema = setSummarySchema.extend({ questions: z.array(questionRef) }).meta({ id: "Set" });
export const bookmarkListSchema = z
  .object({ items: z.array(questionRef.extend({ bookmarkedAt: z.string() })) })
  .meta({ id: "BookmarkList" });

export const reviewRateSchema = z.object({ rating: ratingSchema }).meta({ id: "ReviewRateRequest" });

export const reviewCardSchema = z.object({
  question: questionRef.extend({ prompt: z.string(), modelAnswer: z.string(), keyPoints: z.array(z.string()) }),
  reason: z.enum(["manual", "rated", "low_score", "skipped"]),
  due: z.string(),
  state: z.enum(["new", "learning", "review", "relearning"]),
  reps: z.number().int(),
  lapses: z.number().int(),
  /** When each rating, given now, would bring the question back (ISO dates). */
  next: z.record(ratingSchema, z.string()),
});
export const reviewQueueSchema = z
  .object({
    due: z.array(reviewCardSchema),
    /** Cards due later, for "what comes next". */
    upcoming: z.number().int(),
    /** Cards due but held back while the user's timed interview asks their questions. */
    withheld: z.number().int(),
  })
  .meta({ id: "ReviewQueue" });

export const exportQuerySchema = z.object({ format: z.enum(["json", "markdown"]).default("json") });

export const deleteAccountSchema = z
  .object({
    /** Required for accounts with a password. */
    password: z.string().max(200).optional(),
    /** Must be exactly "delete my account". */
    confirm: z.literal("delete my account", { error: 'Type "delete my account" to confirm.' }),
  })
  .meta({ id: "DeleteAccountRequest" });

export type NoteListQuery = z.infer<typeof noteListQuerySchema>;
export type NoteView = z.infer<typeof noteSchema>;
export type PracticeAnswerView = z.infer<typeof practiceAnswerSchema>;
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
