// Schemas for practising a question outside interviews: the draft (autosaved with revisions), the saved
// versions with their key-point coverage, and the user's rating. Routes parse with these; lib/http/openapi.ts
// documents them.
import { z } from "zod";
import { keyPointCoverageSchema, revisionSchema } from "./fields";
import { ratingSchema } from "./interviews";

/** A question keeps at most this many saved versions of a user's practice answer. */
export const MAX_PRACTICE_VERSIONS = 1_000;
/** Versions a question page and GET …/practice carry (the newest): 1,000 of 100 KB would be 100 MB a request. */
export const PRACTICE_VERSIONS_SHOWN = 50;

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

export type PracticeAnswerView = z.infer<typeof practiceAnswerSchema>;
