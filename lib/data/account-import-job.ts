import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "../http/errors";
import type { DocumentEvent, DocumentSummary } from "../http/json-stream";
import { EXPORT_KINDS, exportHeaderSchema, IMPORT_LIMITS, type ExportKind } from "../schemas/export-document";
import { findNul } from "../http/validation";
import { ImportWriter, type Tx } from "./account-import-writer";
import { databaseKnowsTimeZone, unknownTimeZone } from "./users";

/** Tokens (values, brackets, keys) one row of each kind may hold while it is read: a few MB of heap at most. */
const ROW_TOKENS: Record<ExportKind, number> = {
  interviews: 200_000,
  practiceAnswers: 400_000,
  notes: 100,
  bookmarks: 50,
  sets: 1_200,
  reviewCards: 100,
  reviewLog: 50,
};
export const SPEC = {
  arrays: Object.fromEntries(
    Object.entries(EXPORT_KINDS).map(([kind, { limit }]) => [
      kind,
      { maxItems: limit, maxTokens: ROW_TOKENS[kind as ExportKind] },
    ]),
  ),
  maxValueTokens: 100,
  // The longest text a row holds is 100 KB of UTF-8; a longer string is refused while it is still arriving.
  maxStringLength: 128 * 1024,
};
/** Field problems reported at most; reading stops at this many. */
const MAX_PROBLEMS = 20;

export type ImportResult = { imported: Record<ExportKind, number>; skippedQuestions: string[] };

export const tooLarge = (message: string, fields?: FieldErrors) =>
  new AppError("PAYLOAD_TOO_LARGE", message, { fields });

/** Validates each row as it arrives, keeps what must be unique across rows, and hands valid rows to the writer. */
export class ImportJob {
  private readonly writer: ImportWriter;
  private readonly problems: FieldErrors = {};
  private problemCount = 0;
  private readonly over = new Map<string, string>();
  private readonly header: Partial<z.infer<typeof exportHeaderSchema>> = {};
  private readonly seen: Record<"practiceAnswers" | "notes" | "bookmarks" | "reviewCards" | "sets", Set<string>> = {
    practiceAnswers: new Set(),
    notes: new Set(),
    bookmarks: new Set(),
    reviewCards: new Set(),
    sets: new Set(),
  };
  private answers = 0;
  private versions = 0;

  constructor(
    private readonly tx: Tx,
    private readonly userId: string,
    private readonly deadline: { at: number; seconds: number },
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
    return new AppError(
      "VALIDATION",
      "The import was refused: nothing was written. Fix the fields listed and try again.",
      { fields: this.problems },
    );
  }

  async handle(event: DocumentEvent): Promise<void> {
    if (Date.now() > this.deadline.at) {
      throw new AppError(
        "UNAVAILABLE",
        `The import took longer than ${this.deadline.seconds / 60} minutes and was undone; nothing was written. Try again later.`,
        { retryAfter: 60 },
      );
    }
    if (event.type === "over") {
      const { limit, what } = EXPORT_KINDS[event.key as ExportKind];
      this.over.set(event.key, `An import holds at most ${limit.toLocaleString("en-US")} ${what}`);
      return;
    }
    if (event.type === "value") return this.handleValue(event.key, event.value);
    const kind = event.key as ExportKind;
    const nul = findNul(event.value);
    if (nul !== null)
      return this.problem(
        [kind, event.index, ...(nul === "_" ? [] : [nul])],
        "Text cannot contain NUL (\\u0000) characters.",
      );
    const parsed = EXPORT_KINDS[kind].schema.safeParse(event.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        this.problem([kind, event.index, ...(issue.path as (string | number)[])], issue.message);
      return;
    }
    const row = parsed.data;
    let weight = { rows: 1, bytes: 0 };
    switch (kind) {
      case "interviews": {
        const interview = row as z.infer<typeof EXPORT_KINDS.interviews.schema>;
        this.answers += interview.questions.length;
        if (this.answers > IMPORT_LIMITS.interviewAnswers)
          this.over.set(
            "interviews",
            `An import holds at most ${IMPORT_LIMITS.interviewAnswers.toLocaleString("en-US")} interview answers in all`,
          );
        weight = {
          rows: 1 + interview.questions.length,
          bytes: interview.questions.reduce((sum, q) => sum + q.content.length + (q.lateContent?.length ?? 0), 0),
        };
        break;
      }
      case "practiceAnswers": {
        const answer = row as z.infer<typeof EXPORT_KINDS.practiceAnswers.schema>;
        this.versions += answer.versions.length;
        if (this.versions > IMPORT_LIMITS.practiceVersions)
          this.over.set(
            "practiceAnswers",
            `An import holds at most ${IMPORT_LIMITS.practiceVersions.toLocaleString("en-US")} practice versions in all`,
          );
        weight = {
          rows: 1 + answer.versions.length,
          bytes: answer.draft.length + answer.versions.reduce((sum, v) => sum + v.content.length, 0),
        };
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
      if (seen.has(unique))
        return this.problem(
          [kind, event.index, kind === "sets" ? "name" : "question"],
          `appears twice in ${EXPORT_KINDS[kind].what}`,
        );
      seen.add(unique);
    }
    if (this.failed) return; // keep reading to report every problem, but write nothing more
    if (this.writer.add(kind, row as never, weight)) await this.writer.flush();
  }

  private handleValue(key: string, value: unknown) {
    if (key in EXPORT_KINDS) return this.problem([key], "must be an array");
    if (!(key in exportHeaderSchema.shape)) return; // unknown members are ignored, as before
    const nul = findNul(value);
    if (nul !== null)
      return this.problem([key, ...(nul === "_" ? [] : [nul])], "Text cannot contain NUL (\\u0000) characters.");
    const field = exportHeaderSchema.shape[key as keyof typeof exportHeaderSchema.shape];
    const parsed = field.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        this.problem([key, ...(issue.path as (string | number)[])], issue.message);
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
        const count =
          kind === "interviews" && this.answers > IMPORT_LIMITS.interviewAnswers
            ? this.answers
            : kind === "practiceAnswers" && this.versions > IMPORT_LIMITS.practiceVersions
              ? this.versions
              : (summary.counts.get(kind) ?? 0);
        fields[kind] = [`${limit}; this one has ${count.toLocaleString("en-US")}.`];
      }
      throw tooLarge(Object.values(fields)[0]![0]!, fields);
    }
    if (this.failed) throw this.invalid();
    await this.writer.flush();
    const profile = this.header.profile!;
    if (!(await databaseKnowsTimeZone(this.tx, profile.timeZone))) throw unknownTimeZone("profile.timeZone");
    await this.tx.user.update({
      where: { id: this.userId },
      data: { timeMultiplier: profile.timeMultiplier, timeZone: profile.timeZone },
    });
    return { imported: this.writer.imported, skippedQuestions: [...this.writer.skipped] };
  }
}
