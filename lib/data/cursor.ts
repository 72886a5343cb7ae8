// Opaque keyset-pagination cursors: the sort key and tie-breaker (a slug or id) of the last row of a page,
// base64url JSON. A cursor comes back from the client, so every field is bounded to what the query can take
// (PostgreSQL's int4 and float4, timestamps JavaScript and PostgreSQL both hold): a forged one is a 400,
// never a database error.
import { z } from "zod";
import { AppError } from "../http/errors";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(200);
const uuid = z.uuid();
/** Epoch milliseconds from 1970 to the end of 9999. */
const instant = z.number().int().min(0).max(253_402_300_799_999);

const cursorSchema = z.discriminatedUnion("mode", [
  // Search results by rank (a float4 in PostgreSQL), then the question's slug or the note's id; `of`: the fewest
  // search terms a result holds, when the first page let partial matches in (lib/search/rank.ts).
  z.object({
    mode: z.literal("rank"),
    key: z.number().finite().min(-1e30).max(1e30),
    slug: z.union([slug, uuid]),
    of: z.number().int().min(1).max(8).optional(),
  }),
  // Browsing the bank by topic order (int4), then slug; `at`: how many questions come before the next page (for
  // "21–40 of 189": display only, so a forged one misleads only its forger).
  z.object({
    mode: z.literal("topic"),
    key: z.number().int().min(0).max(2_147_483_647),
    slug,
    at: z.number().int().min(0).max(10_000_000).optional(),
  }),
  // Notes by last edit, then the note id.
  z.object({ mode: z.literal("edited"), key: instant, slug: uuid }),
  // Interviews by start, then the interview id.
  z.object({ mode: z.literal("started"), key: instant, slug: uuid }),
  // The admin's question list, by slug.
  z.object({ mode: z.literal("slug"), slug }),
  // Reports in the admin queue: open ones by when they were sent, closed ones by when they were closed; then the id.
  z.object({ mode: z.literal("reported"), key: instant, slug: uuid }),
]);

export type Cursor = z.infer<typeof cursorSchema>;
type Mode = Cursor["mode"];

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor of the expected mode, or a 400 naming the cursor parameter. */
export function decodeCursor<M extends Mode>(value: string, mode: M): Extract<Cursor, { mode: M }> {
  let parsed: ReturnType<typeof cursorSchema.safeParse> | null = null;
  try {
    parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
  } catch {
    parsed = null;
  }
  if (!parsed?.success || parsed.data.mode !== mode) {
    throw new AppError("VALIDATION", "Some query parameters are invalid.", { fields: { cursor: ["Invalid cursor."] } });
  }
  return parsed.data as Extract<Cursor, { mode: M }>;
}
