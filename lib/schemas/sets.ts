// Schemas for a user's sets of questions and bookmarks. Routes parse with these; lib/http/openapi.ts documents them.
import { z } from "zod";
import { slugSchema } from "./content";
import { questionRefSchema } from "./fields";

export const MAX_SETS = 200;
export const MAX_SET_QUESTIONS = 500;

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

export const setSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  questionCount: z.number().int(),
  updatedAt: z.string(),
});
export const setListSchema = z.object({ items: z.array(setSummarySchema) }).meta({ id: "SetList" });
export const setDetailSchema = setSummarySchema.extend({ questions: z.array(questionRefSchema) }).meta({ id: "Set" });
export const bookmarkListSchema = z
  .object({ items: z.array(questionRefSchema.extend({ bookmarkedAt: z.string() })) })
  .meta({ id: "BookmarkList" });
