// Notes search chooses its width (every term, half of them, any) and reads its page in one statement after its
// plan (lib/data/notes.ts): the width rule of lib/search/rank.ts, checked on notes built to sit on each side of it.
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { userFactory } from "../factories";

let statements = 0;
(globalThis as unknown as { mockroomDbs: Map<unknown, unknown> }).mockroomDbs = new Map([
  [Prisma.Sql, createPrismaClient(process.env.DATABASE_URL!, { onQuery: () => statements++ })],
]);
const { db } = await import("@/lib/db/client");
const { listNotes } = await import("@/lib/data/notes");

/** Notes by what they hold: 3 with all three words, 4 with two of them, 5 with one, 2 with none. */
const NOTES: [string, number][] = [
  ["Celery retry with exponential backoff, capped.", 3],
  ["Celery tasks retry; backoff doubles each time.", 3],
  ["Retry in Celery and backoff with jitter.", 3],
  ["Celery can retry a failed task.", 4],
  ["Celery retry needs an idempotent task.", 4],
  ["Retry the Celery task after a timeout.", 4],
  ["Celery retry limits: max_retries.", 4],
  ["Celery workers pull from a broker.", 5],
  ["Celery beat schedules periodic work.", 5],
  ["Celery results live in a backend store.", 5],
  ["Celery chords join a group of tasks.", 5],
  ["Celery routes tasks to queues.", 5],
  ["Template inheritance with blocks.", 0],
  ["Signals run inside the sender's transaction.", 0],
];

let userId: string;

beforeAll(async () => {
  const user = await userFactory();
  userId = user.id;
  const topic = await db().topic.create({ data: { slug: "widths", name: "Widths", order: 900 } });
  for (const [i, [content]] of NOTES.entries()) {
    const question = await db().question.create({
      data: {
        slug: `widths-${i}`,
        title: `Widths question ${i}`,
        prompt: "p",
        modelAnswer: "a",
        keyPoints: [],
        difficulty: "EASY",
        topicId: topic.id,
        tags: [],
        estimatedMinutes: 1,
        source: "test",
      },
    });
    await db().note.create({
      data: {
        userId,
        questionId: question.id,
        content,
        revision: 1,
        updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      },
    });
  }
});

type Page = Awaited<ReturnType<typeof listNotes>>;
const holding = (page: Page) =>
  page.items.map((n) => NOTES.find(([c]) => c === n.content)![1]).map((group) => (group === 3 ? "all" : group));

async function everyPage(q: string, limit: number) {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page: Page = await listNotes(userId, { q, limit, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("notes search widths", () => {
  it("takes every term when the notes holding them all fill more than a page", async () => {
    const pages = await everyPage("celery retry backoff", 2);
    expect(pages.map(holding)).toEqual([["all", "all"], ["all"]]);
    expect(pages.flatMap((p) => p.items).some((n) => n.partial)).toBe(false);
  });

  it("lets in notes holding half the terms when those holding all of them are a page or fewer, all-term notes first", async () => {
    const pages = await everyPage("celery retry backoff", 5);
    const held = pages.flatMap(holding);
    expect(held).toEqual(["all", "all", "all", 4, 4, 4, 4]);
    expect(pages.flatMap((p) => p.items).map((n) => n.partial ?? false)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
    expect(pages[0]).toMatchObject({ match: "all" });
    // A later page keeps the first page's width: the second holds the rest of the two-term notes, no one-term ones.
    expect(pages).toHaveLength(2);
  });

  it("lets in notes holding any term when two terms are not a page, and says when none holds them all", async () => {
    const both = (await everyPage("celery backoff", 20)).flatMap(holding);
    expect(both.slice(0, 3)).toEqual(["all", "all", "all"]);
    expect(both).toHaveLength(12);
    const none = await listNotes(userId, { q: "backoff template", limit: 20 });
    expect(none.match).toBe("some");
    expect(none.items.every((n) => n.partial)).toBe(true);
    expect(none.items).toHaveLength(4);
  });

  it("reads a first page of several terms, and a later one, in one statement after its plan", async () => {
    // Every width: all three terms (a full page), half of them (three notes hold all: not a page of 5), any term
    // (no note holds both), one term.
    const searches: [string, number][] = [
      ["celery retry backoff", 2],
      ["celery retry backoff", 5],
      ["backoff template", 2],
      ["celery", 2],
    ];
    for (const [q, limit] of searches) {
      statements = 0;
      const first = await listNotes(userId, { q, limit });
      // Plan (each term's query and whether the notes hold it), then the page.
      expect(statements, q).toBe(2);
      statements = 0;
      await listNotes(userId, { q, limit, cursor: first.nextCursor! });
      expect(statements, `${q}, page 2`).toBe(2);
    }
  });
});
