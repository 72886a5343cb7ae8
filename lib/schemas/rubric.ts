// What an interviewer listens for in one key point: required concepts, each a set of interchangeable
// expressions, and optional disqualifiers (a common wrong claim that must not count). Seed content, the
// importer and the stored Question.rubric all use these shapes; docs/scoring.md explains the matching.
import { z } from "zod";
import { NUMBER_STEM, readExpressionWords } from "../scoring/text";

const expression = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((value) => {
    const words = readExpressionWords(value);
    return words.list.some((w) => !w.whole && !words.negation[w.raw] && w.stem !== NUMBER_STEM);
  }, "has no word to listen for (only stop words, negations or #): name something the answer would say");

export const conceptSchema = z.object({
  /** How the review names it when it is not heard: "a 403 Forbidden response", not a stem. */
  name: z.string().trim().min(2).max(80),
  /** Any one of these, heard in the answer, is the concept (words in any order, close together). */
  any: z.array(expression).min(1).max(16),
});

export const keyPointRubricSchema = z.object({
  concepts: z.array(conceptSchema).min(1, "needs at least one required concept").max(4),
  disqualifiers: z.array(conceptSchema).max(4).default([]),
});

/** A key point as authored in seed/: its sentence and its rubric. */
export const authoredKeyPointSchema = keyPointRubricSchema.extend({
  text: z.string().trim().min(2).max(200),
});

/** Question.rubric: one entry per key point, in order; "derived" when made by the importer from the sentence. */
export const questionRubricSchema = z.object({
  derived: z.boolean(),
  points: z.array(keyPointRubricSchema).max(6),
});

export type Concept = z.infer<typeof conceptSchema>;
export type KeyPointRubric = z.infer<typeof keyPointRubricSchema>;
export type AuthoredKeyPoint = z.infer<typeof authoredKeyPointSchema>;
export type QuestionRubric = z.infer<typeof questionRubricSchema>;
