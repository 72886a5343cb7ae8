import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { AppError, type FieldErrors } from "../errors";
import { JsonDocumentError, readDocument, type DocumentEvent, type DocumentSummary } from "../json-stream";
import { EXPORT_KINDS, exportHeaderSchema, IMPORT_LIMITS, type ExportKind } from "../schemas/export-document";
import { findNul } from "../validation";
import { ImportWriter } from "./account-import-writer";
import { databaseKnowsTimeZone, unknownTimeZone } from "./users";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Tokens (values, brackets, keys) one row of each kind may hold while it is read: a few MB of heap at most. */
const ROW_TOKENS: Record<ExportKind, number> = { interviews: 200_000, practiceAnswers: 400_000, notes: 100, bookmarks: 50, sets: 1_200, reviewCards: 100, reviewLog: 50 };
const SPEC = {
  arrays: Object.fromEntries(Object.entries(EXPORT_KINDS).map(([kind, { limit }]) => [kind, { maxItems: limit, maxTokens: ROW_TOKENS[kind as ExportKind] }])),
  maxValueTokens: 100,
  // The longest text a row holds is 100 KB of UTF-8; a longer string is refused while it is still arriving.
  maxStringLength: 128 * 1024,
};
/** Field problems reported at most; reading stops at this many. */
const MAX_PROBLEMS = 20;
/**
 * The longest an import may take once its body has arrived (the heaviest allowed takes about a minute on two
 * busy cores); past it everything is rolled back with 503. The transaction's own timeout is a little longer.
 */
const IMPORT_SECONDS = 240;

/** One import at a time in this process: each holds a body of up to IMPORT_LIMITS.bytes and a batch. */
let importing = false;

export type ImportResult = { imported: Record<ExportKind, number>; skippedQuestions: string[] };

const tooLarge = (message: string, fields?: FieldErrors) => new AppError("PAYLOAD_TOO_LARGE", message, { fields });
const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/**
 * Loads an export (lib/schemas/export-document.ts) into an account that holds nothing yet, all or nothing:
 * the body (at most IMPORT_LIMITS.bytes) is read, then parsed row by row (lib/json-stream.ts), each row
 * validated with the same rules as the routes that create it and written in batches inside one transaction.
 * Any invalid field rolls everything back: 400 naming up to 20 fields, 413 when a count or size is over its limit.
 */
export async function importAccount(userId: string, body: ReadableStream<Uint8Array> | null, declaredBytes: number): Promise<ImportResult> {
  if (importing) throw new AppError("UNAVAILABLE", "Another import is running on this server. Try again in a minute.", { retryAfter: 30 });
  importing = true;
  try {
    await assertEmpty(db(), userId);
    const chunks = await readBody(body, declaredBytes);
    return await db().$transaction(
      async (tx) => {
        // Two imports into one account (two tabs, two instances) take turns; the second finds data and stops.
        await tx.$queryRaw`select id from "User" where id = ${userId}::uuid for update`;
        await assertEmpty(tx, userId);
        const job = new ImportJob(tx, userId, Date.now() + IMPORT_SECONDS * 1000);
        let summary: DocumentSummary;
        try {
          summary = await readDocument(chunks, SPEC, (event) => job.handle(event));
        } catch (error) {
          if (!(error instanceof JsonDocumentError)) throw error;
          if (error.tooLarge) throw tooLarge(`The document is too large: ${error.path} ${error.message}`, { [error.path]: [error.message] });
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
    client.interview.count({ where: { userId } }), client.note.count({ where: { userId } }), client.practiceAnswer.count({ where: { userId } }),
    client.bookmark.count({ where: { userId } }), client.questionSet.count({ where: { userId } }), client.reviewCard.count({ where: { userId } }),
    client.reviewLog.count({ where: { userId } }),
  ]);
  if (owned.some((n) => n > 0)) throw new AppError("CONFLICT", "Import only into an empty account: this one already holds data.");
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

/** Validates each row as it arrives, keeps what must be unique across rows, and hands valid rows to the writer. */
class ImportJob {
  private readonly writer: ImportWriter;
  private readonly problems: FieldErrors = {};
  private problemCount = 0;
  private readonly over = new Map<string, string>();
  private readonly header: Partial<z.infer<typeof exportHeaderSchema>> = {};
  private readonly seen: Record<"practiceAnswers" | "notes" | "bookmarks" | "reviewCards" | "sets", Set<string>> = {
    practiceAnswers: new Set(), notes: new Set(), bookmarks: new Set(), reviewCards: new Set(), sets: new Set(),
  };
  private answers = 0;
  private versions = 0;

  constructor(
    private readonly tx: Tx,
    private readonly userId: string,
    private readonly deadline: number,
  ) {
    this.writer = new ImportWriter(tx, userId);
  }

  private get failed() {
    return this.problemCount > 0 || this.over.size > 0;
  }

  private problem(path: (string | number)[], message: string) {
    const key = path.join(".") || "_";
    if (!this.problems[key]) this.problemCount++;
    (this.problems[key] ??= []).push(message);
    if (this.problemCount >= MAX_PROBLEMS) throw this.invalid();
  }

  private invalid() {
    return new AppError("VALIDATION", "The import was refused: nothing was written. Fix the fields listed and try again.", { fields: this.problems });
  }

  async handle(event: DocumentEvent): Promise<void> {
    if (Date.now() > this.deadline) {
      throw new AppError("UNAVAILABLE", `The import took longer than ${IMPORT_SECONDS / 60} minutes and was undone; nothing was written. Try again later.`, { retryAfter: 60 });
    }
    if (event.type === "over") {
      const { limit, what } = EXPORT_KINDS[event.key as ExportKind];
      this.over.set(event.key, `An import holds at most ${limit.toLocaleString("en-US")} ${what}`);
      return;
    }
    if (event.type === "value") return this.handleValue(event.key, event.value);
    const kind = event.key as ExportKind;
    const nul = findNul(event.value);
    if (nul !== null) return this.problem([kind, event.index, ...(nul === "_" ? [] : [nul])], "Text cannot contain NUL (\\u0000) characters.");
    const parsed = EXPORT_KINDS[kind].schema.safeParse(event.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem([kind, event.index, ...(issue.path as (string | number)[])], issue.message);
      return;
    }
    const row = parsed.data;
    let weight = { rows: 1, bytes: 0 };
    switch (kind) {
      case "interviews": {
        const interview = row as z.infer<typeof EXPORT_KINDS.interviews.schema>;
        this.answers += interview.questions.length;
        if (this.answers > IMPORT_LIMITS.interviewAnswers) this.over.set("interviews", `An import holds at most ${IMPORT_LIMITS.interviewAnswers.toLocaleString("en-US")} interview answers in all`);
        weight = { rows: 1 + interview.questions.length, bytes: interview.questions.reduce((sum, q) => sum + q.content.length + (q.lateContent?.length ?? 0), 0) };
        break;
      }
      case "practiceAnswers": {
        const answer = row as z.infer<typeof EXPORT_KINDS.practiceAnswers.schema>;
        this.versions += answer.versions.length;
        if (this.versions > IMPORT_LIMITS.practiceVersions) this.over.set("practiceAnswers", `An import holds at most ${IMPORT_LIMITS.practiceVersions.toLocaleString("en-US")} practice versions in all`);
        weight = { rows: 1 + answer.versions.length, bytes: answer.draft.length + answer.versions.reduce((sum, v) => sum + v.content.length, 0) };
        break;
      }
      case "sets": {
        const set = row as z.infer<typeof EXPORT_KINDS.sets.schema>;
        weight = { rows: 1 + set.questions.length, bytes: 0 };
        break;
      }
      case "notes":
        weight = { rows: 1, bytes: (row as z.infer<typeof EXPORT_KINDS.notes.schema>).content.length };
        break;
    }
    if (kind in this.seen) {
      const unique = kind === "sets" ? (row as { name: string }).name : (row as { question: string }).question;
      const seen = this.seen[kind as keyof ImportJob["seen"]];
      if (seen.has(unique)) return this.problem([kind, event.index, kind === "sets" ? "name" : "question"], `appears twice in ${EXPORT_KINDS[kind].what}`);
      seen.add(unique);
    }
    if (this.failed) return; // keep reading to report every problem, but write nothing more
    if (this.writer.add(kind, row as never, weight)) await this.writer.flush();
  }

  private handleValue(key: string, value: unknown) {
    if (key in EXPORT_KINDS) return this.problem([key], "must be an array");
    if (!(key in exportHeaderSchema.shape)) return; // unknown members are ignored, as before
    const nul = findNul(value);
    if (nul !== null) return this.problem([key, ...(nul === "_" ? [] : [nul])], "Text cannot contain NUL (\\u0000) characters.");
    const field = exportHeaderSchema.shape[key as keyof typeof exportHeaderSchema.shape];
    const parsed = field.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem([key, ...(issue.path as (string | number)[])], issue.message);
      return;
    }
    (this.header as Record<string, unknown>)[key] = parsed.data;
  }

  async finish(summary: DocumentSummary): Promise<ImportResult> {
    for (const key of [...Object.keys(exportHeaderSchema.shape), ...Object.keys(EXPORT_KINDS)]) {
      if (!summary.members.has(key)) this.problem([key], "is required");
    }
    if (this.over.size) {
      const fields: FieldErrors = {};
      for (const [kind, limit] of this.over) {
        const count = kind === "interviews" && this.answers > IMPORT_LIMITS.interviewAnswers ? this.answers : kind === "practiceAnswers" && this.versions > IMPORT_LIMITS.practiceVersions ? this.versions : summary.counts.get(kind) ?? 0;
        fields[kind] = [`${limit}; this one has ${count.toLocaleString("en-US")}.`];
      }
      throw tooLarge(Object.values(fields)[0]![0]!, fields);
    }
    if (this.failed) throw this.invalid();
    await this.writer.flush();
    const profile = this.header.profile!;
    if (!(await databaseKnowsTimeZone(this.tx, profile.timeZone))) throw unknownTimeZone("profile.timeZone");
    await this.tx.user.update({ where: { id: this.userId }, data: { timeMultiplier: profile.timeMultiplier, timeZone: profile.timeZone } });
    return { imported: this.writer.imported, skippedQuestions: [...this.writer.skipped] };
  }
}
