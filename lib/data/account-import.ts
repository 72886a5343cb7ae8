import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { JsonDocumentError, readDocument, type DocumentSummary } from "../http/json-stream";
import { IMPORT_LIMITS } from "../schemas/export-document";
import { ImportJob, SPEC, tooLarge, type ImportResult } from "./account-import-job";
import type { Tx } from "./account-import-writer";

export type { ImportResult };

/**
 * The longest an import may take once its body has arrived (the heaviest allowed takes about a minute on two
 * busy cores); past it everything is rolled back with 503. The transaction's own timeout is a little longer.
 */
const IMPORT_SECONDS = 240;

/** One import at a time in this process: each holds a body of up to IMPORT_LIMITS.bytes and a batch. */
let importing = false;

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/**
 * Loads an export (lib/schemas/export-document.ts) into an account that holds nothing yet, all or nothing:
 * the body (at most IMPORT_LIMITS.bytes) is read, then parsed row by row (lib/http/json-stream.ts), each row
 * validated with the same rules as the routes that create it and written in batches inside one transaction.
 * Any invalid field rolls everything back: 400 naming up to 20 fields, 413 when a count or size is over its limit.
 */
export async function importAccount(
  userId: string,
  body: ReadableStream<Uint8Array> | null,
  declaredBytes: number,
): Promise<ImportResult> {
  if (importing)
    throw new AppError("RATE_LIMITED", "Another import is running on this server. Try again in a minute.", {
      retryAfter: 30,
    });
  importing = true;
  try {
    await assertEmpty(db(), userId);
    const chunks = await readBody(body, declaredBytes);
    return await db().$transaction(
      async (tx) => {
        // Two imports into one account (two tabs, two instances) take turns; the second finds data and stops.
        await tx.$queryRaw`select id from "User" where id = ${userId}::uuid for update`;
        await assertEmpty(tx, userId);
        const job = new ImportJob(tx, userId, { at: Date.now() + IMPORT_SECONDS * 1000, seconds: IMPORT_SECONDS });
        let summary: DocumentSummary;
        try {
          summary = await readDocument(chunks, SPEC, (event) => job.handle(event));
        } catch (error) {
          if (!(error instanceof JsonDocumentError)) throw error;
          if (error.tooLarge)
            throw tooLarge(`The document is too large: ${error.path} ${error.message}`, {
              [error.path]: [error.message],
            });
          throw new AppError("VALIDATION", error.message, { fields: { [error.path]: [error.message] } });
        }
        return job.finish(summary);
      },
      { maxWait: 10_000, timeout: (IMPORT_SECONDS + 30) * 1000 },
    );
  } finally {
    importing = false;
  }
}

async function assertEmpty(client: Tx, userId: string): Promise<void> {
  const owned = await Promise.all([
    client.interview.count({ where: { userId } }),
    client.note.count({ where: { userId } }),
    client.practiceAnswer.count({ where: { userId } }),
    client.bookmark.count({ where: { userId } }),
    client.questionSet.count({ where: { userId } }),
    client.reviewCard.count({ where: { userId } }),
    client.reviewLog.count({ where: { userId } }),
  ]);
  if (owned.some((n) => n > 0))
    throw new AppError("CONFLICT", "Import only into an empty account: this one already holds data.");
}

/** The body, as Buffers (outside the JavaScript heap), refused with 413 as soon as it passes the limit. */
async function readBody(body: ReadableStream<Uint8Array> | null, declaredBytes: number): Promise<Uint8Array[]> {
  const over = () => tooLarge(`An import is at most ${megabytes(IMPORT_LIMITS.bytes)}; this one is larger.`);
  if (declaredBytes > IMPORT_LIMITS.bytes) throw over();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!body) return chunks;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    size += value.byteLength;
    if (size > IMPORT_LIMITS.bytes) {
      await reader.cancel().catch(() => undefined);
      throw over();
    }
    chunks.push(value);
  }
}
