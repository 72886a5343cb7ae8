// Schemas for what a user writes outside interviews: notes, practice answers, bookmarks, sets, the revision
// queue, and the export document. Routes parse with these; lib/openapi.ts documents them.
import { z } from "zod";
import { slugSchema } from "./content";
import { ratingSchema } from "./interviews";

/** Notes and practice answers: at most 100 KB of UTF-8 each (413 beyond, checked on the bytes). */
export const MAX_DOCUMENT_BYTES = 100 * 1024;
export const MAX_SETS = 200;
export const MAX_SET_QUESTIONS = 500;

const cursor = z.string().max(500).regex(/^[\w-]*$/, "Invalid cursor.");

export const saveNoteSchema = z
  .object({
    content: z.string(),
    /** The revision the client last saw: 0 for a note that does not exist yet. */
    revision: z.number().int().min(0),
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
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "NoteList" });

export const savePracticeDraftSchema = z
  .object({ content: z.string(), revision: z.number().int().min(0) })
  .meta({ id: "SavePracticeDraftRequest" });

export const savePracticeVersionSchema = z.object({ content: z.string() }).meta({ id: "SavePracticeVersionRequest" });

export const practiceRatingSchema = z.object({ rating: ratingSchema }).meta({ id: "PracticeRatingRequest" });

const coverageItem = z.object({ point: z.string(), covered: z.boolean(), matched: z.array(z.string()), missing: z.array(z.string()) });

export const practiceVersionSchema = z.object({
  number: z.number().int(),
  content: z.string(),
  score: z.number(),
  coverage: z.array(coverageItem),
  createdAt: z.string(),
});

export const practiceAnswerSchema = z
  .object({
    draft: z.string(),
    revision: z.number().int(),
    rating: ratingSchema.nullable(),
    updatedAt: z.string().nullable(),
    versions: z.array(practiceVersionSchema),
  })
  .meta({ id: "PracticeAnswer" });

const setName = z
  .string()
  .trim()
  .min(1, "Give the set a name.")
  .max(80, "Set names are at most 80 characters.")
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Set names cannot contain control characters.");

export const createSetSchema = z
  .object({
    name: setName,
    description: z.string().trim().max(500, "Descriptions are at most 500 characters.").default(""),
    questions: z.array(slugSchema).max(MAX_SET_QUESTIONS).default([]),
  })
  .meta({ id: "CreateSetRequest" });

export const updateSetSchema = z
  .object({ name: setName.optional(), description: z.string().trim().max(500, "Descriptions are at most 500 characters.").optional() })
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
  reason: z.enum(["manual", "rated", "low_score"]),
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

// ---- The export document: complete, versioned, and what POST /api/me/import accepts. ----

const iso = z.iso.datetime({ offset: true });
const isoOrNull = iso.nullable();
const ratingOrNull = ratingSchema.nullable();
const text = (max: number) => z.string().max(max);

export const EXPORT_FORMAT = "mockroom-export";
export const EXPORT_VERSION = 1;

export const exportDocumentSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: iso,
    profile: z.object({
      email: z.string(),
      name: z.string().nullable(),
      timeMultiplier: z.number(),
      timeZone: z.string(),
      createdAt: iso,
    }),
    interviews: z
      .array(
        z.object({
          title: text(200),
          company: slugSchema.nullable().describe("Company profile slug; null for set or topic practice"),
          mode: z.enum(["strict", "practice", "extended"]),
          status: z.enum(["in_progress", "finished", "expired", "abandoned"]),
          seed: z.number().int(),
          topicFocus: z.array(slugSchema).max(20),
          timeMultiplier: z.number().min(1).max(3),
          startedAt: iso,
          deadlineAt: isoOrNull,
          endedAt: isoOrNull,
          score: z.number().min(0).max(1).nullable(),
          questions: z
            .array(
              z.object({
                question: slugSchema,
                title: text(300).optional(),
                position: z.number().int().min(0),
                content: text(MAX_DOCUMENT_BYTES),
                revision: z.number().int().min(0),
                flagged: z.boolean(),
                lateContent: text(MAX_DOCUMENT_BYTES).nullable(),
                timeSpentSeconds: z.number().int().min(0).max(86_400),
                answeredAt: isoOrNull,
                coverage: z.array(coverageItem).nullable(),
                score: z.number().min(0).max(1).nullable(),
                rating: ratingOrNull,
              }),
            )
            .max(60),
        }),
      )
      .max(10_000),
    practiceAnswers: z
      .array(
        z.object({
          question: slugSchema,
          draft: text(MAX_DOCUMENT_BYTES),
          revision: z.number().int().min(0),
          rating: ratingOrNull,
          ratedAt: isoOrNull,
          createdAt: iso,
          updatedAt: iso,
          versions: z
            .array(z.object({ number: z.number().int().min(1), content: text(MAX_DOCUMENT_BYTES), score: z.number().min(0).max(1), coverage: z.array(coverageItem), createdAt: iso }))
            .max(1_000),
        }),
      )
      .max(10_000),
    notes: z.array(z.object({ question: slugSchema, content: text(MAX_DOCUMENT_BYTES), revision: z.number().int().min(1), createdAt: iso, updatedAt: iso })).max(10_000),
    bookmarks: z.array(z.object({ question: slugSchema, createdAt: iso })).max(10_000),
    sets: z
      .array(z.object({ name: setName, description: text(500), createdAt: iso, questions: z.array(slugSchema).max(MAX_SET_QUESTIONS) }))
      .max(MAX_SETS),
    reviewCards: z
      .array(
        z.object({
          question: slugSchema,
          reason: z.enum(["manual", "rated", "low_score"]),
          due: iso,
          stability: z.number(),
          difficulty: z.number(),
          elapsedDays: z.number().int(),
          scheduledDays: z.number().int(),
          learningSteps: z.number().int(),
          reps: z.number().int(),
          lapses: z.number().int(),
          state: z.number().int().min(0).max(3),
          lastReview: isoOrNull,
          createdAt: iso,
        }),
      )
      .max(10_000),
    reviewLog: z
      .array(z.object({ question: slugSchema, rating: ratingSchema, source: z.enum(["review", "practice", "interview"]), reviewedAt: iso, due: iso }))
      .max(100_000),
  })
  .meta({ id: "ExportDocument" });

export type ExportDocument = z.infer<typeof exportDocumentSchema>;
export type NoteListQuery = z.infer<typeof noteListQuerySchema>;
export type NoteView = z.infer<typeof noteSchema>;
export type PracticeAnswerView = z.infer<typeof practiceAnswerSchema>;
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
