// Topics and interview formats (company profiles) edited in the admin area (issue #24), with the loader's rules
// (lib/schemas/content.ts). A save carries the `updatedAt` it loaded: a stale one is a 409 with the current row.
import { z } from "zod";
import { companyContentSchema, topicSchema } from "./content";

const loadedAt = z.iso.datetime({ offset: true, error: "updatedAt must be the time the row was loaded." });
const reason = z.string().trim().max(200, "The reason is at most 200 characters.").default("");
const reasonless = { updatedAt: loadedAt, reason };

export const createTopicSchema = topicSchema.strict().meta({ id: "CreateTopicRequest" });
export const saveTopicSchema = topicSchema
  .pick({ name: true, order: true })
  .extend(reasonless)
  .strict()
  .meta({ id: "SaveTopicRequest" });
export const saveFormatSchema = companyContentSchema
  .omit({ slug: true })
  .extend(reasonless)
  .strict()
  .meta({ id: "SaveFormatRequest" });

export const adminTopicSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    order: z.number().int(),
    questionCount: z.number().int(),
    updatedAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: "AdminTopic" });

export const adminFormatSchema = companyContentSchema
  .extend({ updatedAt: z.string(), editedAt: z.string().nullable() })
  .meta({ id: "AdminFormat" });
export type AdminFormat = z.infer<typeof adminFormatSchema>;
export type AdminTopic = z.infer<typeof adminTopicSchema>;

export const restoreContentSchema = z.object({ updatedAt: loadedAt }).strict().meta({ id: "RestoreContentRequest" });

/** A topic's or format's revision as its history lists it: the fields it changed, and the whole row then. */
export type ContentRevisionView = {
  number: number;
  author: string | null;
  reason: string;
  createdAt: string;
  changed: string[];
  snapshot: Record<string, unknown>;
  /** The revision before it, for the diff (absent for the first). */
  previous?: Record<string, unknown>;
  /** The topic's or format's slug (the topics page lists every topic's history together). */
  key: string;
};
