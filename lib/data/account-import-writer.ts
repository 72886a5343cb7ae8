import "server-only";
import crypto from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { z } from "zod";
import type { EXPORT_KINDS, ExportKind } from "../schemas/export-document";
import { Table } from "../db/bulk-insert";

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
type Row<K extends ExportKind> = z.infer<(typeof EXPORT_KINDS)[K]["schema"]>;

/**
 * Rows or text bytes waiting before a flush writes them, whatever the document holds. Small batches die young
 * in the garbage collector: with 2,000 rows and 4 MB the heaviest import took 2.5 times as long and blocked the
 * event loop twice as long (docs/performance.md, "Moving an account").
 */
const FLUSH_ROWS = 500;
const FLUSH_BYTES = 1024 * 1024;
/** Question ids kept for the slugs met so far; cleared when it reaches this size. */
const SLUG_CACHE = 50_000;
const REPORTED_SKIPS = 100;

const upper = <T extends string>(value: T) => value.toUpperCase() as Uppercase<T>;
const rating = (value: string | null) => (value === null ? null : upper(value));

/**
 * Writes validated export rows into one account in batches (one statement per table and batch, with ids
 * made here so children can name their parents), inside the caller's transaction. Questions are named by slug: rows naming one this
 * bank lacks are skipped and reported, never guessed; an interview left without questions is skipped too.
 */
export class ImportWriter {
  readonly imported: Record<ExportKind, number> = {
    interviews: 0,
    practiceAnswers: 0,
    notes: 0,
    bookmarks: 0,
    sets: 0,
    reviewCards: 0,
    reviewLog: 0,
  };
  readonly skipped = new Set<string>();
  private readonly slugs = new Map<string, string | null>();
  private pending: { [K in ExportKind]: { id: string; row: Row<K> }[] } = {
    interviews: [],
    practiceAnswers: [],
    notes: [],
    bookmarks: [],
    sets: [],
    reviewCards: [],
    reviewLog: [],
  };
  private rows = 0;
  private bytes = 0;
  private companies: Map<string, string> | null = null;

  constructor(
    private readonly tx: Tx,
    private readonly userId: string,
  ) {}

  /** Queues a row; true when enough is waiting that the caller should flush before reading on. */
  add<K extends ExportKind>(kind: K, row: Row<K>, weight: { rows: number; bytes: number }): boolean {
    (this.pending[kind] as { id: string; row: Row<K> }[]).push({ id: crypto.randomUUID(), row });
    this.rows += weight.rows;
    this.bytes += weight.bytes;
    return this.rows >= FLUSH_ROWS || this.bytes >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = {
      interviews: [],
      practiceAnswers: [],
      notes: [],
      bookmarks: [],
      sets: [],
      reviewCards: [],
      reviewLog: [],
    };
    this.rows = 0;
    this.bytes = 0;
    const ids = await this.questionIds([
      ...pending.interviews.flatMap((i) => i.row.questions.map((q) => q.question)),
      ...pending.sets.flatMap((s) => s.row.questions),
      ...(["practiceAnswers", "notes", "bookmarks", "reviewCards", "reviewLog"] as const).flatMap((kind) =>
        pending[kind].map((r) => r.row.question),
      ),
    ]);
    const known = (slug: string) => {
      const id = ids.get(slug);
      if (!id && this.skipped.size < REPORTED_SKIPS) this.skipped.add(slug);
      return id ?? null;
    };
    const { tx, userId } = this;

    // Parents first: interviews, practice answers and sets, then the rows that name them.
    const interviews = new Table("Interview", {
      id: "uuid",
      userId: "uuid",
      title: "text",
      companyId: "uuid",
      mode: '"InterviewMode"',
      status: '"InterviewStatus"',
      seed: "int4",
      topicFocus: "text[]",
      timeMultiplier: "float8",
      startedAt: "timestamptz",
      deadlineAt: "timestamptz",
      endedAt: "timestamptz",
      score: "float8",
      updatedAt: "timestamptz",
    });
    const answers = new Table("InterviewQuestion", {
      id: "uuid",
      interviewId: "uuid",
      questionId: "uuid",
      position: "int4",
      content: "text",
      revision: "int4",
      flagged: "bool",
      lateContent: "text",
      timeSpentSeconds: "int4",
      answeredAt: "timestamptz",
      coverage: "jsonb",
      score: "float8",
      rating: '"Rating"',
      updatedAt: "timestamptz",
    });
    const companies = await this.companyIds();
    const now = new Date().toISOString();
    for (const { id, row: i } of pending.interviews) {
      const before = answers.length;
      for (const q of i.questions) {
        const questionId = known(q.question);
        if (!questionId) continue;
        answers.add([
          crypto.randomUUID(),
          id,
          questionId,
          q.position,
          q.content,
          q.revision,
          q.flagged,
          q.lateContent,
          q.timeSpentSeconds,
          q.answeredAt,
          q.coverage === null ? null : JSON.stringify(q.coverage),
          q.score,
          rating(q.rating),
          now,
        ]);
      }
      if (answers.length === before) continue;
      // Imported interviews are history: one still running in the export is imported as abandoned.
      interviews.add([
        id,
        userId,
        i.title,
        i.company ? (companies.get(i.company) ?? null) : null,
        upper(i.mode),
        i.status === "in_progress" ? "ABANDONED" : upper(i.status),
        i.seed,
        JSON.stringify(i.topicFocus),
        i.timeMultiplier,
        i.startedAt,
        i.deadlineAt,
        i.endedAt ?? i.startedAt,
        i.score,
        now,
      ]);
    }
    const practice = new Table("PracticeAnswer", {
      id: "uuid",
      userId: "uuid",
      questionId: "uuid",
      draft: "text",
      revision: "int4",
      rating: '"Rating"',
      ratedAt: "timestamptz",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    });
    const versions = new Table("PracticeAnswerVersion", {
      id: "uuid",
      answerId: "uuid",
      number: "int4",
      content: "text",
      coverage: "jsonb",
      score: "float8",
      createdAt: "timestamptz",
    });
    for (const { id, row: p } of pending.practiceAnswers) {
      const questionId = known(p.question);
      if (!questionId) continue;
      practice.add([
        id,
        userId,
        questionId,
        p.draft,
        p.revision,
        rating(p.rating),
        p.ratedAt,
        p.createdAt,
        p.updatedAt,
      ]);
      for (const v of p.versions)
        versions.add([crypto.randomUUID(), id, v.number, v.content, JSON.stringify(v.coverage), v.score, v.createdAt]);
    }
    const sets = new Table("QuestionSet", {
      id: "uuid",
      userId: "uuid",
      name: "text",
      description: "text",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    });
    const items = new Table("QuestionSetItem", { setId: "uuid", questionId: "uuid", addedAt: "timestamptz" });
    for (const { id, row: s } of pending.sets) {
      sets.add([id, userId, s.name, s.description, s.createdAt, now]);
      const created = Date.parse(s.createdAt);
      // The set's order is the order its items were added in.
      s.questions.forEach((slug, n) => {
        const questionId = known(slug);
        if (questionId) items.add([id, questionId, new Date(created + n).toISOString()]);
      });
    }
    const notes = new Table("Note", {
      id: "uuid",
      userId: "uuid",
      questionId: "uuid",
      content: "text",
      revision: "int4",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    });
    for (const { id, row: n } of pending.notes) {
      const questionId = known(n.question);
      if (questionId) notes.add([id, userId, questionId, n.content, n.revision, n.createdAt, n.updatedAt]);
    }
    const bookmarks = new Table("Bookmark", { userId: "uuid", questionId: "uuid", createdAt: "timestamptz" });
    for (const { row: b } of pending.bookmarks) {
      const questionId = known(b.question);
      if (questionId) bookmarks.add([userId, questionId, b.createdAt]);
    }
    const cards = new Table("ReviewCard", {
      id: "uuid",
      userId: "uuid",
      questionId: "uuid",
      reason: '"ReviewReason"',
      due: "timestamptz",
      stability: "float8",
      difficulty: "float8",
      elapsedDays: "int4",
      scheduledDays: "int4",
      learningSteps: "int4",
      reps: "int4",
      lapses: "int4",
      state: "int4",
      lastReview: "timestamptz",
      createdAt: "timestamptz",
      updatedAt: "timestamptz",
    });
    for (const { id, row: c } of pending.reviewCards) {
      const questionId = known(c.question);
      if (questionId) {
        cards.add([
          id,
          userId,
          questionId,
          upper(c.reason),
          c.due,
          c.stability,
          c.difficulty,
          c.elapsedDays,
          c.scheduledDays,
          c.learningSteps,
          c.reps,
          c.lapses,
          c.state,
          c.lastReview,
          c.createdAt,
          now,
        ]);
      }
    }
    const log = new Table("ReviewLog", {
      id: "uuid",
      userId: "uuid",
      questionId: "uuid",
      rating: '"Rating"',
      source: '"ReviewSource"',
      reviewedAt: "timestamptz",
      due: "timestamptz",
    });
    for (const { id, row: l } of pending.reviewLog) {
      const questionId = known(l.question);
      if (questionId) log.add([id, userId, questionId, upper(l.rating), upper(l.source), l.reviewedAt, l.due]);
    }

    for (const table of [interviews, answers, practice, versions, sets, items, notes, bookmarks, cards, log])
      await table.insert(tx);
    this.imported.interviews += interviews.length;
    this.imported.practiceAnswers += practice.length;
    this.imported.sets += sets.length;
    this.imported.notes += notes.length;
    this.imported.bookmarks += bookmarks.length;
    this.imported.reviewCards += cards.length;
    this.imported.reviewLog += log.length;
  }

  /** Question ids by slug (null: this bank has no such question), from the cache or one query per 5,000. */
  private async questionIds(slugs: string[]): Promise<Map<string, string | null>> {
    const wanted = new Set(slugs);
    if (this.slugs.size + wanted.size > SLUG_CACHE) this.slugs.clear();
    const missing = [...wanted].filter((slug) => !this.slugs.has(slug));
    for (let at = 0; at < missing.length; at += 5_000) {
      const part = missing.slice(at, at + 5_000);
      const found = new Map(
        (await this.tx.question.findMany({ where: { slug: { in: part } }, select: { id: true, slug: true } })).map(
          (q) => [q.slug, q.id],
        ),
      );
      for (const slug of part) this.slugs.set(slug, found.get(slug) ?? null);
    }
    return this.slugs;
  }

  private async companyIds(): Promise<Map<string, string>> {
    this.companies ??= new Map(
      (await this.tx.companyProfile.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    );
    return this.companies;
  }
}
