// Optional AI feedback (issue #25): what the browser sends.
import { z } from "zod";

export const MAX_FOLLOW_UP_CHARS = 20_000;

export const followUpAnswerSchema = z
  .object({
    answer: z
      .string()
      .trim()
      .min(3, "Write an answer to the follow-up question.")
      .max(
        MAX_FOLLOW_UP_CHARS,
        `Answers to a follow-up are limited to ${MAX_FOLLOW_UP_CHARS.toLocaleString("en-US")} characters.`,
      ),
  })
  .strict()
  .meta({ id: "FollowUpAnswerRequest" });

export const tailorRequestSchema = z
  .object({
    jobDescription: z
      .string()
      .trim()
      .min(40, "Paste the job description (at least a few sentences).")
      .max(20_000, "Job descriptions are limited to 20,000 characters."),
  })
  .strict()
  .meta({ id: "TailorRequest" });
