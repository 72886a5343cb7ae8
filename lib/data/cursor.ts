// Opaque keyset-pagination cursors: the sort key and tie-breaker (a slug or id) of the last row of a page, base64url JSON.
import { z } from "zod";

const cursorSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("rank"), key: z.number().finite(), slug: z.string().max(200) }),
  z.object({ mode: z.literal("topic"), key: z.number().int(), slug: z.string().max(200) }),
  // Notes by last edit: updatedAt in epoch milliseconds, then the note id.
  z.object({ mode: z.literal("edited"), key: z.number().int(), slug: z.string().max(200) }),
]);

export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
