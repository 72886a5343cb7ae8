import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { Prisma } from "../generated/prisma/client";

/** What a 409 CONFLICT carries so the client can show both versions: the stored text and its revision. */
export type StoredVersion = { content: string; revision: number };

/**
 * The server half of autosave (the client half is components/autosave/use-autosave.ts): `write` is one
 * compare-and-set statement that stores the text only if the row is still at the revision the client saw,
 * and answers undefined when it matched nothing. Then `stored` reads what is there (it may throw a better
 * reason: not found, time up) and the save fails with 409 CONFLICT and that version, never overwriting it.
 * The check and the write stay one statement, so of two racing saves on one revision exactly one wins.
 */
export async function saveWithRevision<T>(
  write: () => Promise<T | undefined>,
  stored: () => Promise<StoredVersion | null>,
  message: string,
): Promise<T> {
  const saved = await write();
  if (saved !== undefined) return saved;
  const current = (await stored()) ?? { content: "", revision: 0 };
  throw new AppError("CONFLICT", message, { extra: { current } });
}

/** The user's own text on a question, one row per user and question, created by its first save. */
const documents = {
  note: { table: Prisma.raw(`"Note"`), column: Prisma.raw("content") },
  practice: { table: Prisma.raw(`"PracticeAnswer"`), column: Prisma.raw("draft") },
} as const;

/**
 * The compare-and-set for those documents: revision 0 creates the row (a second create, or a racing one, finds
 * it there and writes nothing), any other revision updates it only while it is still at that revision.
 * Answers the row's id and new revision, or undefined when the revision was stale.
 */
export async function writeDocument(
  kind: keyof typeof documents,
  userId: string,
  questionId: string,
  input: { content: string; revision: number },
  now: Date,
): Promise<{ id: string; revision: number } | undefined> {
  const { table, column } = documents[kind];
  const rows =
    input.revision === 0
      ? await db().$queryRaw<{ id: string; revision: number }[]>`
          insert into ${table} (id, "userId", "questionId", ${column}, revision, "createdAt", "updatedAt")
          values (gen_random_uuid(), ${userId}::uuid, ${questionId}::uuid, ${input.content}, 1, ${now}, ${now})
          on conflict ("userId", "questionId") do nothing
          returning id, revision`
      : await db().$queryRaw<{ id: string; revision: number }[]>`
          update ${table} set ${column} = ${input.content}, revision = revision + 1, "updatedAt" = ${now}
          where "userId" = ${userId}::uuid and "questionId" = ${questionId}::uuid and revision = ${input.revision}
          returning id, revision`;
  return rows[0];
}
