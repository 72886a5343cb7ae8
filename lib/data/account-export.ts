import "server-only";
import { db } from "../db/client";
import { lower } from "../db/enums";
import { AppError } from "../http/errors";
import { readCoverage } from "../scoring/coverage";
import { logger, describeError } from "../logger";
import { EXPORT_FORMAT, EXPORT_VERSION } from "../schemas/export-document";
import { markdownPieces } from "./account-export-markdown";
import * as rows from "./account-export-rows";
import { recordingUrl, type RecordingTarget } from "./recordings";

// The user's data as a download that is written while it is read: JSON (the ExportDocument of
// lib/schemas/export-document.ts, one row a line) or one readable Markdown document. The database is read in
// batches (lib/data/account-export-rows.ts) only as fast as the client takes the bytes, so the heaviest
// account costs the server a batch of memory, not its whole size.

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
/** Pieces are sent once this much is waiting: fewer, larger chunks. */
const CHUNK_CHARS = 64 * 1024;

async function owner(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

/**
 * Exports being written: each holds a batch of rows (up to a few MB) for as long as its client takes to read
 * it, so a process writes at most EXPORTS_AT_ONCE at a time, and one per user (429 with Retry-After beyond).
 */
const EXPORTS_AT_ONCE = 4;
const exporting = new Set<string>();

function claimExport(userId: string): () => void {
  if (exporting.has(userId))
    throw new AppError(
      "RATE_LIMITED",
      "Your previous download is still being written. Try again when it has finished.",
      { retryAfter: 10 },
    );
  if (exporting.size >= EXPORTS_AT_ONCE)
    throw new AppError("RATE_LIMITED", "Several downloads are being written on this server. Try again in a minute.", {
      retryAfter: 30,
    });
  exporting.add(userId);
  let released = false;
  return () => {
    if (!released) exporting.delete(userId);
    released = true;
  };
}

/**
 * A byte stream that pulls the next pieces from `pieces` only when the consumer wants more; `done` runs once it
 * has ended, failed or been cancelled (a client that leaves, or whose socket idled past the server's timeout).
 */
function streamOf(pieces: AsyncGenerator<string>, what: string, done: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      try {
        while (text.length < CHUNK_CHARS) {
          const next = await pieces.next();
          if (next.done) break;
          text += next.value;
        }
      } catch (error) {
        // Headers are gone: the download ends short (and is not valid JSON), never with a wrong body.
        logger.error("export failed", { what, ...describeError(error) });
        done();
        controller.error(error);
        return;
      }
      if (text) controller.enqueue(encoder.encode(text));
      else {
        done();
        controller.close();
      }
    },
    async cancel() {
      done();
      await pieces.return(undefined);
    },
  });
}

async function* jsonPieces(userId: string, user: Awaited<ReturnType<typeof owner>>, now: Date): AsyncGenerator<string> {
  const header = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    profile: {
      email: user.email,
      name: user.name,
      timeMultiplier: user.timeMultiplier,
      timeZone: user.timeZone,
      createdAt: iso(user.createdAt),
    },
  };
  yield JSON.stringify(header).slice(0, -1);
  /** `"key":[` then each item on its own line, comma-separated, then `]`. */
  async function* array(key: string, pieces: AsyncIterable<Piece>): AsyncGenerator<string> {
    yield `,\n${JSON.stringify(key)}:[`;
    let first = true;
    for await (const { text, item } of pieces) {
      yield item ? `${first ? "\n" : ",\n"}${text}` : text;
      first = false;
    }
    yield "\n]";
  }
  yield* array("interviews", interviewsJson(userId));
  yield* array("practiceAnswers", practiceJson(userId));
  yield* array(
    "notes",
    map(rows.notes(userId), (n) => ({
      question: n.question.slug,
      content: n.content,
      revision: n.revision,
      createdAt: iso(n.createdAt),
      updatedAt: iso(n.updatedAt),
    })),
  );
  yield* array(
    "bookmarks",
    map(rows.bookmarks(userId), (b) => ({ question: b.question.slug, createdAt: iso(b.createdAt) })),
  );
  yield* array(
    "sets",
    map(rows.sets(userId), (s) => ({
      name: s.name,
      description: s.description,
      createdAt: iso(s.createdAt),
      questions: s.questions,
    })),
  );
  yield* array(
    "reviewCards",
    map(rows.reviewCards(userId), (c) => ({
      question: c.question.slug,
      reason: lower(c.reason),
      due: iso(c.due),
      stability: c.stability,
      difficulty: c.difficulty,
      elapsedDays: c.elapsedDays,
      scheduledDays: c.scheduledDays,
      learningSteps: c.learningSteps,
      reps: c.reps,
      lapses: c.lapses,
      state: c.state,
      lastReview: isoOrNull(c.lastReview),
      createdAt: iso(c.createdAt),
    })),
  );
  yield* array(
    "reviewLog",
    map(rows.reviewLog(userId), (l) => ({
      question: l.question.slug,
      rating: lower(l.rating),
      source: lower(l.source),
      reviewedAt: iso(l.reviewedAt),
      due: iso(l.due),
    })),
  );
  // Listed, not embedded: each recording's audio downloads from its `url` while signed in (docs/export.md).
  yield* array(
    "recordings",
    map(rows.recordings(userId), (r) => {
      const iq = r.interviewQuestion;
      const target: RecordingTarget = iq
        ? { kind: "interview", interviewId: iq.interviewId, questionId: iq.questionId }
        : { kind: "practice", slug: r.practiceAnswer!.question.slug };
      return {
        answer: iq
          ? { interview: iq.interviewId, position: iq.position, question: iq.question.slug }
          : { practice: r.practiceAnswer!.question.slug },
        url: recordingUrl(target),
        mimeType: r.mimeType,
        bytes: r.bytes,
        durationMs: r.durationMs,
        pauses: r.pauses,
        transcript: r.transcript,
        transcribedBy: r.transcribedBy,
        spokenWords: r.spokenWords,
        createdAt: iso(r.createdAt),
      };
    }),
  );
  yield* array(
    "aiFeedback",
    map(rows.aiFeedback(userId), (f) => ({
      id: f.id,
      parentId: f.parentId,
      answer: f.interviewQuestion
        ? {
            interview: f.interviewQuestion.interviewId,
            position: f.interviewQuestion.position,
            question: f.interviewQuestion.question.slug,
          }
        : { practice: f.practiceAnswer!.question.slug },
      asked: f.asked,
      answered: f.answer,
      feedback: f.output,
      model: f.model,
      createdAt: iso(f.createdAt),
    })),
  );
  yield* array(
    "reports",
    map(rows.reports(userId), (r) => ({
      question: r.question.slug,
      reason: lower(r.reason),
      details: r.details,
      status: lower(r.status),
      reply: r.reply,
      createdAt: iso(r.createdAt),
      closedAt: isoOrNull(r.closedAt),
    })),
  );
  yield "\n}\n";
}

/** Text of an array's items: `item` marks the first piece of each (a long item comes in several). */
type Piece = { text: string; item: boolean };

async function* map<T>(items: AsyncIterable<T>, shape: (item: T) => unknown): AsyncGenerator<Piece> {
  for await (const item of items) yield { text: JSON.stringify(shape(item)), item: true };
}

/**
 * Rows with children (an interview and its answers, a practice answer and its versions): each row is one JSON
 * object whose last member, `key`, lists the children, written ten at a time rather than the row whole.
 */
async function* nested<S, C>(
  parts: AsyncIterable<rows.Part<S, C>>,
  key: string,
  head: (row: S) => object,
  child: (child: C) => object,
): AsyncGenerator<Piece> {
  let open = "";
  let children: string[] = [];
  for await (const part of parts) {
    if (part.type === "start") {
      open = `${JSON.stringify(head(part.row)).slice(0, -1)},${JSON.stringify(key)}:[`;
      children = [];
    } else if (part.type === "child") {
      children.push(JSON.stringify(child(part.child)));
      if (children.length >= 10) {
        yield { text: `${open}${children.join(",")}`, item: open !== "," };
        open = ",";
        children = [];
      }
    } else if (open === ",") {
      yield { text: `${children.length ? "," : ""}${children.join(",")}]}`, item: false };
    } else {
      yield { text: `${open}${children.join(",")}]}`, item: true };
    }
  }
}

async function* interviewsJson(userId: string): AsyncGenerator<Piece> {
  yield* nested(
    rows.interviewParts(userId),
    "questions",
    (i) => ({
      title: i.title,
      company: i.company?.slug ?? null,
      mode: lower(i.mode),
      status: lower(i.status),
      seed: i.seed,
      topicFocus: i.topicFocus,
      timeMultiplier: i.timeMultiplier,
      startedAt: iso(i.startedAt),
      deadlineAt: isoOrNull(i.deadlineAt),
      endedAt: isoOrNull(i.endedAt),
      score: i.score,
    }),
    (q) => ({
      question: q.slug,
      title: q.title,
      position: q.position,
      content: q.content,
      revision: q.revision,
      flagged: q.flagged,
      lateContent: q.lateContent,
      timeSpentSeconds: q.timeSpentSeconds,
      answeredAt: isoOrNull(q.answeredAt),
      coverage: q.coverage === null ? null : readCoverage(q.coverage),
      score: q.score,
      rating: q.rating ? q.rating.toLowerCase() : null,
    }),
  );
}

async function* practiceJson(userId: string): AsyncGenerator<Piece> {
  yield* nested(
    rows.practiceParts(userId),
    "versions",
    (p) => ({
      question: p.question.slug,
      draft: p.draft,
      revision: p.revision,
      rating: p.rating ? lower(p.rating) : null,
      ratedAt: isoOrNull(p.ratedAt),
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
    }),
    (v) => ({
      number: v.number,
      content: v.content,
      score: v.score,
      coverage: readCoverage(v.coverage),
      createdAt: iso(v.createdAt),
    }),
  );
}

/** GET /api/me/export?format=json: the importable document, streamed. */
export async function exportJson(userId: string, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const user = await owner(userId);
  return streamOf(jsonPieces(userId, user, now), "json", claimExport(userId));
}

/** GET /api/me/export?format=markdown: one readable document, streamed. */
export async function exportMarkdown(userId: string, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const user = await owner(userId);
  return streamOf(markdownPieces(userId, user.email, now), "markdown", claimExport(userId));
}
