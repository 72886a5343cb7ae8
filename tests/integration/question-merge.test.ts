// Merging questions (seed/merge.ts): users' rows on a former question move to the kept one in the loader's
// transaction, collisions are merged without losing text, the former question goes (or stays archived when an
// interview asked both), a second run changes nothing, and the old addresses answer 301.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getQuestionRoute } from "@/app/api/questions/[slug]/route";
import { clearContentCaches } from "@/lib/cache";
import { db } from "@/lib/db/client";
import { questionMovedTo } from "@/lib/data/questions";
import { loadBank, type BankReport } from "@/seed/bank";
import { readContent, type Content } from "@/seed/content";
import { mergedTextSeparator } from "@/seed/merge";
import { userFactory } from "../factories";

const KEPT = "prefetch-related-explained";
const GONE = "queryset-laziness"; // every row can move: deleted
const STAYS = "csrf-protection"; // an interview asked it beside the kept question: archived
const day = (n: number) => new Date(Date.UTC(2026, 2, n));

const before = readContent(path.resolve("tests/fixtures/content"));
/** The same content after the merge: the former questions leave the files, the kept one lists them. */
const after: Content = {
  ...before,
  questions: before.questions
    .filter((q) => q.slug !== GONE && q.slug !== STAYS)
    .map((q) => (q.slug === KEPT ? { ...q, formerSlugs: [GONE, STAYS] } : q)),
};

const ids: Record<string, string> = {};
const users: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };
let interviewA = "";
let interviewC = "";
let report: BankReport;

async function interview(userId: string, questions: string[], current: string) {
  return db().interview.create({
    data: {
      userId,
      mode: "PRACTICE",
      seed: 1,
      topicFocus: [],
      startedAt: day(2),
      currentQuestionId: ids[current]!,
      questions: {
        create: questions.map((slug, position) => ({ questionId: ids[slug]!, position, content: `${slug} answer` })),
      },
    },
  });
}

async function practice(userId: string, slug: string, draft: string, versions: string[], ratedAt: Date | null) {
  await db().practiceAnswer.create({
    data: {
      userId,
      questionId: ids[slug]!,
      draft,
      updatedAt: day(3),
      rating: ratedAt ? (slug === KEPT ? "HARD" : "GOOD") : null,
      ratedAt,
      versions: {
        create: versions.map((content, i) => ({ number: i + 1, content, coverage: [], score: 0.5 })),
      },
    },
  });
}

/** Every user row, in a stable order, as plain values: what a second run must leave exactly as it was. */
async function snapshot() {
  const order = { orderBy: { id: "asc" as const } };
  return JSON.stringify([
    await db().note.findMany(order),
    await db().practiceAnswer.findMany({ ...order, include: { versions: { orderBy: { number: "asc" } } } }),
    await db().reviewCard.findMany(order),
    await db().reviewLog.findMany(order),
    await db().bookmark.findMany({ orderBy: [{ userId: "asc" }, { questionId: "asc" }] }),
    await db().questionSetItem.findMany({ orderBy: [{ setId: "asc" }, { questionId: "asc" }] }),
    await db().interview.findMany(order),
    await db().interviewQuestion.findMany(order),
    await db().question.findMany({ ...order, select: { slug: true, archivedAt: true, formerSlugs: true } }),
  ]);
}

beforeAll(async () => {
  await loadBank(db(), before);
  for (const q of await db().question.findMany({ select: { id: true, slug: true } })) ids[q.slug] = q.id;
  for (const key of ["a", "b", "c"] as const) users[key] = (await userFactory()).id;
  const { a, b, c } = users;

  // User a wrote on both questions of the pair: every kind of row collides.
  await db().note.createMany({
    data: [
      { userId: a, questionId: ids[KEPT]!, content: "kept note of a", updatedAt: day(4) },
      { userId: a, questionId: ids[GONE]!, content: "former note of a", updatedAt: day(5) },
    ],
  });
  await practice(a, KEPT, "kept draft of a", ["kept v1 of a", "kept v2 of a"], day(1));
  await practice(a, GONE, "former draft of a", ["former v1 of a", "former v2 of a"], day(6));
  await db().reviewCard.createMany({
    data: [
      { userId: a, questionId: ids[KEPT]!, reason: "MANUAL", due: day(20), reps: 1 },
      { userId: a, questionId: ids[GONE]!, reason: "RATED", due: day(10), reps: 4 },
    ],
  });
  await db().reviewLog.createMany({
    data: [KEPT, GONE, GONE].map((slug, i) => ({
      userId: a,
      questionId: ids[slug]!,
      rating: "GOOD" as const,
      source: "REVIEW" as const,
      reviewedAt: day(i + 1),
      due: day(i + 10),
    })),
  });
  await db().bookmark.createMany({
    data: [
      { userId: a, questionId: ids[KEPT]!, createdAt: day(8) },
      { userId: a, questionId: ids[GONE]!, createdAt: day(7) },
    ],
  });
  const set = await db().questionSet.create({ data: { userId: a, name: "Week one" } });
  await db().questionSetItem.createMany({
    data: [
      { setId: set.id, questionId: ids[KEPT]! },
      { setId: set.id, questionId: ids[GONE]! },
    ],
  });
  interviewA = (await interview(a, [GONE], GONE)).id;

  // User b wrote only on the former question: everything simply moves.
  await db().note.create({ data: { userId: b, questionId: ids[GONE]!, content: "note of b", updatedAt: day(4) } });
  await practice(b, GONE, "draft of b", ["v1 of b"], null);
  await db().reviewCard.create({ data: { userId: b, questionId: ids[GONE]!, reason: "MANUAL", due: day(9) } });
  await db().bookmark.create({ data: { userId: b, questionId: ids[GONE]! } });

  // User c's interview asked both the kept question and the other former one: that answer cannot move.
  interviewC = (await interview(c, [KEPT, STAYS], STAYS)).id;
  await db().note.create({ data: { userId: c, questionId: ids[STAYS]!, content: "note of c", updatedAt: day(4) } });

  report = await loadBank(db(), after, day(30));
});

describe("merging a question into the kept one", () => {
  it("joins a user's two notes into one, kept text first, and bumps its revision", async () => {
    const notes = await db().note.findMany({ where: { userId: users.a } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.questionId).toBe(ids[KEPT]);
    expect(notes[0]!.content).toBe(
      `kept note of a${mergedTextSeparator(before.questions.find((q) => q.slug === GONE)!.title)}former note of a`,
    );
    expect(notes[0]!.revision).toBe(2);
    expect(notes[0]!.updatedAt).toEqual(day(5));
  });

  it("keeps every practice version, the former ones numbered after the kept ones, with both drafts", async () => {
    const answers = await db().practiceAnswer.findMany({
      where: { userId: users.a },
      include: { versions: { orderBy: { number: "asc" } } },
    });
    expect(answers).toHaveLength(1);
    expect(answers[0]!.questionId).toBe(ids[KEPT]);
    expect(answers[0]!.versions.map((v) => [v.number, v.content])).toEqual([
      [1, "kept v1 of a"],
      [2, "kept v2 of a"],
      [3, "former v1 of a"],
      [4, "former v2 of a"],
    ]);
    expect(answers[0]!.draft).toContain("kept draft of a");
    expect(answers[0]!.draft).toContain("former draft of a");
    expect([answers[0]!.rating, answers[0]!.ratedAt]).toEqual(["GOOD", day(6)]); // the later self-rating
  });

  it("keeps the review card with more repetitions and moves every rating", async () => {
    const cards = await db().reviewCard.findMany({ where: { userId: users.a } });
    expect(cards.map((c) => [c.questionId, c.reps, c.due])).toEqual([[ids[KEPT], 4, day(10)]]);
    const logs = await db().reviewLog.findMany({ where: { userId: users.a } });
    expect(logs.map((l) => l.questionId)).toEqual([ids[KEPT], ids[KEPT], ids[KEPT]]);
  });

  it("leaves one bookmark and one set item, with the earlier date", async () => {
    const bookmarks = await db().bookmark.findMany({ where: { userId: users.a } });
    expect(bookmarks.map((b) => [b.questionId, b.createdAt])).toEqual([[ids[KEPT], day(7)]]);
    const items = await db().questionSetItem.findMany({ where: { set: { userId: users.a } } });
    expect(items.map((i) => i.questionId)).toEqual([ids[KEPT]]);
  });

  it("shows the kept question in the interview history, and opens the room on it", async () => {
    const rows = await db().interviewQuestion.findMany({ where: { interviewId: interviewA } });
    expect(rows.map((r) => [r.questionId, r.content])).toEqual([[ids[KEPT], `${GONE} answer`]]);
    const room = await db().interview.findUniqueOrThrow({ where: { id: interviewA } });
    expect(room.currentQuestionId).toBe(ids[KEPT]);
  });

  it("moves the rows of a user who wrote only on the former question unchanged", async () => {
    const b = users.b;
    expect(await db().note.findMany({ where: { userId: b }, select: { questionId: true, content: true } })).toEqual([
      { questionId: ids[KEPT], content: "note of b" },
    ]);
    const answer = await db().practiceAnswer.findFirstOrThrow({ where: { userId: b }, include: { versions: true } });
    expect([answer.questionId, answer.draft, answer.versions.map((v) => v.content)]).toEqual([
      ids[KEPT],
      "draft of b",
      ["v1 of b"],
    ]);
    expect((await db().reviewCard.findFirstOrThrow({ where: { userId: b } })).questionId).toBe(ids[KEPT]);
    expect((await db().bookmark.findFirstOrThrow({ where: { userId: b } })).questionId).toBe(ids[KEPT]);
  });

  it("deletes a former question nothing points at, and archives one an interview still needs", async () => {
    expect(await db().question.findUnique({ where: { slug: GONE } })).toBeNull();
    const stays = await db().question.findUniqueOrThrow({ where: { slug: STAYS } });
    expect(stays.archivedAt).toEqual(day(30));
    const rows = await db().interviewQuestion.findMany({
      where: { interviewId: interviewC },
      orderBy: { position: "asc" },
    });
    expect(rows.map((r) => [r.questionId, r.content])).toEqual([
      [ids[KEPT], `${KEPT} answer`],
      [ids[STAYS], `${STAYS} answer`],
    ]);
    // The room stays on the answer that stayed; the user's note moved all the same.
    expect((await db().interview.findUniqueOrThrow({ where: { id: interviewC } })).currentQuestionId).toBe(ids[STAYS]);
    expect((await db().note.findFirstOrThrow({ where: { userId: users.c } })).questionId).toBe(ids[KEPT]);
    expect(report.merges).toMatchObject({ merged: 2, deleted: 1, archived: 1 });
    expect(report.questions.archived).toBe(0); // the merge archived it, not the "left the files" step
  });

  it("records the former slugs on the kept question", async () => {
    const kept = await db().question.findUniqueOrThrow({ where: { slug: KEPT } });
    expect(kept.formerSlugs).toEqual([GONE, STAYS]);
  });

  it("changes nothing when run again", async () => {
    const first = await snapshot();
    const again = await loadBank(db(), after, day(31));
    expect(again.merges).toEqual({ merged: 0, deleted: 0, archived: 0, movedRows: 0 });
    expect(again.questions).toMatchObject({ created: 0, updated: 0, archived: 0, restored: 0 });
    expect(await snapshot()).toBe(first);
  });
});

describe("the former questions' addresses", () => {
  const get = async (slug: string) => {
    clearContentCaches();
    return getQuestionRoute(new Request(`http://localhost/api/questions/${slug}?from=test`), {
      params: Promise.resolve({ slug }),
    });
  };

  it("answer 301 with the kept question's address, whether the former row is gone or archived", async () => {
    for (const slug of [GONE, STAYS]) {
      const response = await get(slug);
      expect(response.status, slug).toBe(301);
      expect(response.headers.get("location"), slug).toBe(`/api/questions/${KEPT}?from=test`);
    }
    expect(await questionMovedTo(GONE)).toBe(KEPT);
  });

  it("leave the kept question and unknown slugs as they were", async () => {
    const kept = await get(KEPT);
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { slug: string }).slug).toBe(KEPT);
    expect((await get("no-such-question")).status).toBe(404);
    expect(await questionMovedTo("no-such-question")).toBeNull();
  });
});
