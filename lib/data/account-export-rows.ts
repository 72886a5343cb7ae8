import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { after, DETAILED_BATCH_ROWS, BATCH_ROWS, pages, plan, type Sized, type Window } from "../db/keyset-batches";

// Everything one account owns, read in keyset-paged batches in export order (lib/db/keyset-batches.ts), so
// an export never holds more than a batch: rows of text (answers, versions, notes) are fetched by size.

const PAGE = 100;

const slug = { select: { slug: true, title: true } } as const;
const withQuestion = { question: slug } as const;

/** A row with children, streamed: the row, then each child in order, then an end mark. */
export type Part<R, C> = { type: "start"; row: R } | { type: "child"; child: C } | { type: "end" };

/** An interview answer with its question's slug and title; prompt and model answer only when asked for. */
export type AnswerRow = {
  interviewId: string;
  position: number;
  content: string;
  revision: number;
  flagged: boolean;
  lateContent: string | null;
  timeSpentSeconds: number;
  answeredAt: Date | null;
  coverage: unknown;
  score: number | null;
  rating: string | null;
  slug: string;
  title: string;
  prompt?: string;
  modelAnswer?: string;
};
export type InterviewPart = Part<Awaited<ReturnType<typeof interviewPage>>[number], AnswerRow>;

const interviewPage = (userId: string, last: { startedAt: Date; id: string } | null) =>
  db().interview.findMany({
    where: { userId, ...after("startedAt", "id", last && { at: last.startedAt, id: last.id }) },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: PAGE,
    include: { company: { select: { slug: true } } },
  });

/** The answers in some windows (interview, first and last position), in one statement. */
const answerWindows = (windows: Window[], details: boolean) =>
  db().$queryRaw<AnswerRow[]>`
    select iq."interviewId"::text as "interviewId", iq.position, iq.content, iq.revision, iq.flagged, iq."lateContent", iq."timeSpentSeconds", iq."answeredAt",
           iq.coverage, iq.score, iq.rating::text as rating, q.slug, q.title ${details ? Prisma.sql`, q.prompt, q."modelAnswer"` : Prisma.empty}
    from unnest(${windows.map((w) => w.parent)}::uuid[], ${windows.map((w) => w.from)}::int[], ${windows.map((w) => w.to)}::int[]) as w(id, lo, hi)
    join "InterviewQuestion" iq on iq."interviewId" = w.id and iq.position between w.lo and w.hi
    join "Question" q on q.id = iq."questionId"`;

/**
 * The user's interviews (oldest first), each followed by its answers in order and an end mark. With
 * `details`, each answer's question carries its prompt and model answer (the Markdown export prints them).
 */
export async function* interviewParts(userId: string, details = false): AsyncGenerator<InterviewPart> {
  let last: { startedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await interviewPage(userId, last);
    if (!page.length) return;
    const sizes = await db().$queryRaw<Sized[]>`
      select "interviewId"::text as parent, position as n, (octet_length(content) + coalesce(octet_length("lateContent"), 0))::int as bytes
      from "InterviewQuestion" where "interviewId" = any(${page.map((i) => i.id)}::uuid[])`;
    const byId = new Map(page.map((i) => [i.id, i]));
    for (const group of plan(
      page.map((i) => i.id),
      sizes,
      details ? DETAILED_BATCH_ROWS : BATCH_ROWS,
    )) {
      const windows = group.filter((w) => w.to >= w.from);
      const rows = windows.length ? await answerWindows(windows, details) : [];
      for (const w of group) {
        if (w.first) yield { type: "start", row: byId.get(w.parent)! };
        for (const child of rows
          .filter((r) => r.interviewId === w.parent && r.position >= w.from && r.position <= w.to)
          .sort((a, b) => a.position - b.position)) {
          yield { type: "child", child };
        }
        if (w.last) yield { type: "end" };
      }
    }
    if (page.length < PAGE) return;
    last = page.at(-1)!;
  }
}

export type VersionRow = {
  answerId: string;
  number: number;
  content: string;
  coverage: unknown;
  score: number;
  createdAt: Date;
};
export type PracticePart = Part<Awaited<ReturnType<typeof practicePage>>[number], VersionRow>;

// Drafts are up to 100 KB each: a page of 20 stays near BATCH_BYTES. Newest edit first (the index's order).
const practicePage = (userId: string, last: { updatedAt: Date; questionId: string } | null) =>
  db().practiceAnswer.findMany({
    where: { userId, ...after("updatedAt", "questionId", last && { at: last.updatedAt, id: last.questionId }, true) },
    orderBy: [{ updatedAt: "desc" }, { questionId: "asc" }],
    take: 20,
    include: withQuestion,
  });

/** The user's practice answers, each followed by its versions in order and an end mark. */
export async function* practiceParts(userId: string): AsyncGenerator<PracticePart> {
  let last: { updatedAt: Date; questionId: string } | null = null;
  for (;;) {
    const page = await practicePage(userId, last);
    if (!page.length) return;
    const sizes = await db().$queryRaw<Sized[]>`
      select "answerId"::text as parent, number as n, octet_length(content)::int as bytes
      from "PracticeAnswerVersion" where "answerId" = any(${page.map((p) => p.id)}::uuid[])`;
    const byId = new Map(page.map((p) => [p.id, p]));
    for (const group of plan(
      page.map((p) => p.id),
      sizes,
    )) {
      const windows = group.filter((w) => w.to >= w.from);
      const rows = windows.length
        ? await db().$queryRaw<VersionRow[]>`
            select v."answerId"::text as "answerId", v.number, v.content, v.coverage, v.score, v."createdAt"
            from unnest(${windows.map((w) => w.parent)}::uuid[], ${windows.map((w) => w.from)}::int[], ${windows.map((w) => w.to)}::int[]) as w(id, lo, hi)
            join "PracticeAnswerVersion" v on v."answerId" = w.id and v.number between w.lo and w.hi`
        : [];
      for (const w of group) {
        if (w.first) yield { type: "start", row: byId.get(w.parent)! };
        for (const child of rows
          .filter((r) => r.answerId === w.parent && r.number >= w.from && r.number <= w.to)
          .sort((a, b) => a.number - b.number)) {
          yield { type: "child", child };
        }
        if (w.last) yield { type: "end" };
      }
    }
    if (page.length < 20) return;
    last = page.at(-1)!;
  }
}

/** Newest edit first, as the notes list shows them. */
export const notes = (userId: string) =>
  pages(
    (last: { updatedAt: Date; questionId: string } | null) =>
      db().note.findMany({
        where: {
          userId,
          ...after("updatedAt", "questionId", last && { at: last.updatedAt, id: last.questionId }, true),
        },
        orderBy: [{ updatedAt: "desc" }, { questionId: "asc" }],
        take: 20,
        include: withQuestion,
      }),
    20,
  );

export const bookmarks = (userId: string) =>
  pages(
    (last: { createdAt: Date; questionId: string } | null) =>
      db().bookmark.findMany({
        where: { userId, ...after("createdAt", "questionId", last && { at: last.createdAt, id: last.questionId }) },
        orderBy: [{ createdAt: "asc" }, { questionId: "asc" }],
        take: 1_000,
        include: { question: slug },
      }),
    1_000,
  );

export type SetRow = { id: string; name: string; description: string; createdAt: Date; questions: string[] };

/** At most 200 sets of 500 questions: by creation (a small sort; an import keeps that order), 50 at a time. */
export const sets = (userId: string) =>
  pages(
    (last: SetRow | null) => db().$queryRaw<SetRow[]>`
      select s.id::text as id, s.name, s.description, s."createdAt",
             array(select q.slug from "QuestionSetItem" i join "Question" q on q.id = i."questionId" where i."setId" = s.id order by i."addedAt", i."questionId") as questions
      from "QuestionSet" s
      where s."userId" = ${userId}::uuid ${last ? Prisma.sql`and (s."createdAt", s.id) > (${last.createdAt}, ${last.id}::uuid)` : Prisma.empty}
      order by s."createdAt", s.id
      limit 50`,
    50,
  );

/** Soonest due first. */
export const reviewCards = (userId: string) =>
  pages(
    (last: { due: Date; questionId: string } | null) =>
      db().reviewCard.findMany({
        where: { userId, ...after("due", "questionId", last && { at: last.due, id: last.questionId }) },
        orderBy: [{ due: "asc" }, { questionId: "asc" }],
        take: 1_000,
        include: { question: slug },
      }),
    1_000,
  );

export const reviewLog = (userId: string) =>
  pages(
    (last: { reviewedAt: Date; id: string } | null) =>
      db().reviewLog.findMany({
        where: { userId, ...after("reviewedAt", "id", last && { at: last.reviewedAt, id: last.id }) },
        orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
        take: 2_000,
        include: { question: slug },
      }),
    2_000,
  );

/** Spoken answers (issue #25) without their audio, oldest first: the export lists each with the link to its audio. */
export const recordings = (userId: string) =>
  pages(
    (last: { createdAt: Date; id: string } | null) =>
      db().recording.findMany({
        where: { userId, ...after("createdAt", "id", last && { at: last.createdAt, id: last.id }) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        select: {
          id: true,
          mimeType: true,
          bytes: true,
          durationMs: true,
          pauses: true,
          transcript: true,
          transcribedBy: true,
          spokenWords: true,
          createdAt: true,
          interviewQuestion: { select: { interviewId: true, questionId: true, position: true, question: slug } },
          practiceAnswer: { select: { question: slug } },
        },
      }),
    500,
  );

/** AI feedback (issue #25), oldest first, with the answer it was on. */
export const aiFeedback = (userId: string) =>
  pages(
    (last: { createdAt: Date; id: string } | null) =>
      db().aiFeedback.findMany({
        where: { userId, ...after("createdAt", "id", last && { at: last.createdAt, id: last.id }) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 200,
        include: {
          interviewQuestion: { select: { interviewId: true, position: true, question: slug } },
          practiceAnswer: { select: { question: slug } },
        },
      }),
    200,
  );

/**
 * The problems the user reported on questions (issue #24), oldest first, with the admins' reply: the user's own
 * words. Who closed a report is another account's, and is left out.
 */
export const reports = (userId: string) =>
  pages(
    (last: { createdAt: Date; id: string } | null) =>
      db().report.findMany({
        where: { userId, ...after("createdAt", "id", last && { at: last.createdAt, id: last.id }) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        select: {
          id: true,
          reason: true,
          details: true,
          status: true,
          reply: true,
          createdAt: true,
          closedAt: true,
          question: slug,
        },
      }),
    500,
  );
