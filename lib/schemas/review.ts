// Schemas for the revision queue (spaced repetition, lib/review/fsrs.ts). Routes parse with these;
// lib/http/openapi.ts documents them.
import { z } from "zod";
import { questionRefSchema } from "./fields";
import { ratingSchema } from "./interviews";

export const reviewRateSchema = z.object({ rating: ratingSchema }).meta({ id: "ReviewRateRequest" });

export const reviewCardSchema = z.object({
  question: questionRefSchema.extend({ prompt: z.string(), modelAnswer: z.string(), keyPoints: z.array(z.string()) }),
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

export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
