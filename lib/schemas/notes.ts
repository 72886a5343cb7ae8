// Schemas for a user's notes: saving one (with the revision it replaces), reading and searching them.
// Routes parse with these; lib/http/openapi.ts documents them.
import { z } from "zod";
import { slugSchema } from "./content";
import { cursorSchema, revisionSchema } from "./fields";
import { searchMatchSchema } from "./search";

export const saveNoteSchema = z
  .object({
    content: z.string(),
    /** The revision the client last saw: 0 for a note that does not exist yet. */
    revision: revisionSchema,
  })
  .meta({ id: "SaveNoteRequest" });

export const noteSchema = z
  .object({
    question: z.object({
      slug: z.string(),
      title: z.string(),
      topic: z.object({ slug: z.string(), name: z.string() }),
    }),
    content: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Note" });

export const noteListQuerySchema = z.object({
  q: z.string().trim().max(200, "Search terms must be at most 200 characters.").optional(),
  topic: slugSchema.optional(),
  cursor: cursorSchema.optional(),
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

export type NoteListQuery = z.infer<typeof noteListQuerySchema>;
export type NoteView = z.infer<typeof noteSchema>;
export type NoteListItem = z.infer<typeof noteListSchema>["items"][number];
