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
    /** Cards to review now, in order. */
    due: z.array(reviewCardSchema),
    /** Cards rated in /review today that come back later today (a learning step of minutes): shown when due. */
    later: z.array(reviewCardSchema),
    /** Questions rated in /review today that are done for the day. */
    doneToday: z.number().int(),
    /** The end of the user's day (their time zone): a rating due by then keeps the card in today's sitting. */
    endOfDay: z.string(),
    /** The server's time when the queue was read. */
    asOf: z.string(),
    /** Cards due later, for "what comes next". */
    upcoming: z.number().int(),
    /** Cards due but held back while the user's timed interview asks their questions. */
    withheld: z.number().int(),
  })
  .meta({ id: "ReviewQueue" });

export const reviewRatedSchema = z
  .object({ due: z.string(), next: z.record(ratingSchema, z.string()) })
  .meta({ id: "ReviewRated" });

export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
