// The question page's workspace read (one statement) against the per-part reads it replaces: the same views.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

// Every query this file's app code runs goes through a client that counts them.
let queries = 0;
(globalThis as unknown as { mockroomDbs: Map<unknown, unknown> }).mockroomDbs = new Map([
  [Prisma.Sql, createPrismaClient(process.env.DATABASE_URL!, { onQuery: () => queries++ })],
]);
const { db } = await import("@/lib/db/client");
const { questionWorkspace } = await import("@/lib/data/question-workspace");
const { noteOn, saveNote } = await import("@/lib/data/notes");
const { practiceOn, ratePractice, savePracticeVersion } = await import("@/lib/data/practice");
const { addToQueue } = await import("@/lib/data/review");
const { addToSet, createSet, setBookmark } = await import("@/lib/data/sets");
const { startInterview } = await import("@/lib/data/interviews");
const { runningTimedInterview } = await import("@/lib/data/withheld");
const { AppError } = await import("@/lib/http/errors");
const { PRACTICE_VERSIONS_SHOWN } = await import("@/lib/schemas/practice");
const { practiceRecording } = await import("@/lib/data/recordings");

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

// The per-part reads the page made before (Prisma, one query each): the reference the one statement must equal.
async function queueStatus(userId: string, questionId: string) {
  const card = await db().reviewCard.findUnique({
    where: { userId_questionId: { userId, questionId } },
    select: { due: true },
  });
  return card ? { due: card.due.toISOString() } : null;
}

async function questionMembership(userId: string, questionId: string) {
  const [bookmark, sets] = await Promise.all([
    db().bookmark.findUnique({ where: { userId_questionId: { userId, questionId } }, select: { createdAt: true } }),
    db().questionSet.findMany({
      where: { userId },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: { id: true, name: true, items: { where: { questionId }, select: { questionId: true } } },
    }),
  ]);
  return {
    bookmarked: bookmark !== null,
    sets: sets.map((s) => ({ id: s.id, name: s.name, contains: s.items.length > 0 })),
  };
}

const SLUG = "queryset-laziness";
const OTHER = "csrf-protection";
// Milliseconds that PostgreSQL's own JSON dates would write differently (".000", ".120", an offset).
const T0 = new Date("2026-03-01T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** What the page showed before: the question's id, then each part on its own. */
async function perPart(userId: string, slug: string) {
  const { id } = await db().question.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const [note, practice, membership, queued, recording] = await Promise.all([
    noteOn(userId, id),
    practiceOn(userId, id),
    questionMembership(userId, id),
    queueStatus(userId, id),
    practiceRecording(userId, slug),
  ]);
  return { note, practice, membership, queued, recording };
}

async function expectSameAsPerPart(userId: string, slug: string, now?: Date) {
  // The report part is new (issue #24; tests/integration/reports.test.ts reads it): nobody here reported anything.
  const { withheldBy, report, ...views } = await questionWorkspace(userId, slug, now);
  expect(report).toBeNull();
  expect(views).toStrictEqual(await perPart(userId, slug));
  return { views, withheldBy };
}

/** A user with a note, practice versions, a rating, a bookmark, two sets and a review card on SLUG. */
async function busyUser() {
  const user = await userFactory();
  await saveNote(user.id, SLUG, { content: "Lazy until iterated.", revision: 0 }, at(120));
  await saveNote(user.id, SLUG, { content: "Lazy until iterated or sliced.", revision: 1 }, at(60_000));
  await savePracticeVersion(user.id, SLUG, "Querysets are lazy; evaluation happens on iteration.", at(1_000));
  await savePracticeVersion(user.id, SLUG, "They are lazy.", at(2_345));
  const answer = await db().practiceAnswer.findFirstOrThrow({ where: { userId: user.id } });
  // More versions than the page shows, one in the coverage shape of before the rubric.
  await db().practiceAnswerVersion.createMany({
    data: Array.from({ length: PRACTICE_VERSIONS_SHOWN + 1 }, (_, i) => ({
      answerId: answer.id,
      number: i + 3,
      content: `Version ${i + 3}`,
      coverage: i === 0 ? [{ point: "lazy", covered: true }] : [],
      score: (i % 7) / 7,
      createdAt: at(3_000 + i * 10),
    })),
  });
  await ratePractice(user.id, SLUG, "hard", at(4_000));
  await setBookmark(user.id, SLUG, true);
  const holding = await createSet(user.id, { name: "Holds it", description: "", questions: [SLUG] });
  await createSet(user.id, { name: "Empty", description: "", questions: [] });
  await createSet(user.id, { name: "Other question", description: "", questions: [OTHER] });
  await addToSet(user.id, holding.id, OTHER);
  // A spoken practice answer (issue #25), with silences the browser measured.
  await db().recording.create({
    data: {
      userId: user.id,
      practiceAnswerId: answer.id,
      mimeType: "audio/webm;codecs=opus",
      audio: new Uint8Array(300),
      bytes: 300,
      durationMs: 61_500,
      pauses: [{ atMs: 1_000, ms: 3_250 }],
      transcribedBy: "endpoint:whisper-1",
      spokenWords: 140,
      createdAt: at(5_123),
    },
  });
  return user;
}

describe("questionWorkspace", () => {
  it("reads a question the user never touched as empty, in one statement", async () => {
    const user = await userFactory();
    queries = 0;
    await questionWorkspace(user.id, SLUG);
    expect(queries).toBe(1);
    const { views, withheldBy } = await expectSameAsPerPart(user.id, SLUG);
    expect(views).toEqual({
      note: null,
      practice: { draft: "", revision: 0, rating: null, updatedAt: null, versions: [], versionCount: 0 },
      membership: { bookmarked: false, sets: [] },
      queued: null,
      recording: null,
    });
    expect(withheldBy).toBeNull();
  });

  it("reads the note, the newest versions oldest first, the rating, the bookmark, the sets and the card", async () => {
    const user = await busyUser();
    queries = 0;
    await questionWorkspace(user.id, SLUG);
    expect(queries).toBe(1);
    const { views } = await expectSameAsPerPart(user.id, SLUG);
    expect(views.note).toMatchObject({ content: "Lazy until iterated or sliced.", revision: 2 });
    expect(views.note!.createdAt).toBe("2026-03-01T09:00:00.120Z");
    expect(views.practice.versionCount).toBe(PRACTICE_VERSIONS_SHOWN + 3);
    expect(views.practice.versions.map((v) => v.number)).toEqual(
      Array.from({ length: PRACTICE_VERSIONS_SHOWN }, (_, i) => i + 4),
    );
    expect(views.practice.versions[0]!.createdAt).toBe("2026-03-01T09:00:03.010Z");
    expect(views.practice.rating).toBe("hard");
    expect(views.membership.bookmarked).toBe(true);
    expect(views.membership.sets.map((s) => [s.name, s.contains])).toEqual([
      ["Holds it", true],
      ["Other question", false],
      ["Empty", false],
    ]);
    expect(views.queued).not.toBeNull();
    expect(views.recording).toMatchObject({
      url: `/api/questions/${SLUG}/practice/recording?v=${at(5_123).getTime()}`,
      createdAt: "2026-03-01T09:00:05.123Z",
      transcribedBy: "endpoint",
      figures: { durationMs: 61_500, words: 140, wordsPerMinute: 137, longPauses: 1, longestPauseMs: 3_250 },
    });
    // The same user on a question with only a set holding it.
    await expectSameAsPerPart(user.id, OTHER);
  });

  it("reads a manually queued question and the legacy coverage shape as the per-part reads do", async () => {
    const user = await userFactory();
    await addToQueue(user.id, SLUG, at(999));
    await savePracticeVersion(user.id, SLUG, "Lazy.", at(5_000));
    await db().practiceAnswerVersion.updateMany({
      where: { answer: { userId: user.id } },
      data: { coverage: { not: "an array" } },
    });
    const { views } = await expectSameAsPerPart(user.id, SLUG);
    expect(views.queued).not.toBeNull();
    expect(views.practice.versions[0]!.coverage).toEqual([]);
  });

  it("shows nothing of another user's note, practice, bookmark, sets or card", async () => {
    await busyUser();
    const user = await userFactory();
    await createSet(user.id, { name: "Mine", description: "", questions: [] });
    const { views } = await expectSameAsPerPart(user.id, SLUG);
    expect(views).toEqual({
      note: null,
      practice: { draft: "", revision: 0, rating: null, updatedAt: null, versions: [], versionCount: 0 },
      membership: { bookmarked: false, sets: [expect.objectContaining({ name: "Mine", contains: false })] },
      queued: null,
      recording: null,
    });
  });

  it("names the user's running timed interview when it asks the question, and only then", async () => {
    const user = await userFactory();
    const now = new Date();
    const interview = await startInterview(user.id, { company: "acme", mode: "strict" }, now);
    const running = (await runningTimedInterview(user.id, now))!;
    const questions = await db().question.findMany({ select: { slug: true } });
    for (const { slug } of questions) {
      const { withheldBy } = await expectSameAsPerPart(user.id, slug, now);
      expect(withheldBy).toEqual(running.slugs.has(slug) ? { id: interview.id } : null);
    }
    expect(running.slugs.size).toBeGreaterThan(0);
    // Someone else's interview withholds nothing from this user; nor does it once its time is up.
    const other = await userFactory();
    for (const { slug } of questions) expect((await questionWorkspace(other.id, slug, now)).withheldBy).toBeNull();
    const after = new Date(now.getTime() + 24 * 3600_000);
    for (const { slug } of questions) expect((await questionWorkspace(user.id, slug, after)).withheldBy).toBeNull();
  });

  it("is a 404 for an unknown question", async () => {
    const user = await userFactory();
    const error = await questionWorkspace(user.id, "no-such-question").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as InstanceType<typeof AppError>).status).toBe(404);
  });
});
