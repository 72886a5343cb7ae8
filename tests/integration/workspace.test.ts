import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteAccount } from "@/lib/data/account";
import { exportJson, exportMarkdown } from "@/lib/data/account-export";
import { importAccount } from "@/lib/data/account-import";
import { rateAnswer, saveAnswer } from "@/lib/data/answers";
import {
  addToSet,
  createSet,
  deleteSet,
  getSet,
  listBookmarks,
  listSets,
  removeFromSet,
  setBookmark,
  updateSet,
} from "@/lib/data/sets";
import { getDashboard } from "@/lib/data/dashboard";
import {
  endInterview,
  getInterview,
  startInterview,
  startSetInterview,
  startTopicInterview,
} from "@/lib/data/interviews";
import { deleteNote, getNote, listNotes, saveNote } from "@/lib/data/notes";
import { getPractice, ratePractice, savePracticeDraft, savePracticeVersion } from "@/lib/data/practice";
import { addToQueue, rateReview, recomputeCard, removeFromQueue, reviewQueue } from "@/lib/data/review";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { exportDocumentSchema, type ExportDocument } from "@/lib/schemas/export-document";
import { PRACTICE_VERSIONS_SHOWN } from "@/lib/schemas/practice";
import { MAX_SETS } from "@/lib/schemas/sets";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

const T0 = new Date("2026-03-01T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();
const exportDocument = async (userId: string, now: Date) =>
  JSON.parse(await read(await exportJson(userId, now))) as ExportDocument;
const importDocument = (userId: string, doc: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return importAccount(userId, new Response(bytes).body, bytes.byteLength);
};

const questionId = async (slug: string) => (await db().question.findUniqueOrThrow({ where: { slug } })).id;

describe("notes", () => {
  it("creates at revision 1, chains revisions and refuses a stale one with the stored note", async () => {
    const user = await userFactory();
    const created = await saveNote(user.id, "queryset-laziness", { content: "first", revision: 0 }, at(0));
    expect(created.revision).toBe(1);
    expect(created.question.topic.slug).toBe("alpha");
    expect((await saveNote(user.id, "queryset-laziness", { content: "second", revision: 1 }, at(1))).revision).toBe(2);
    const stale = await failure(
      saveNote(user.id, "queryset-laziness", { content: "from another tab", revision: 1 }, at(2)),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.extra).toEqual({ current: { content: "second", revision: 2 } });
    // A second "create" when the note exists is a conflict too, never an overwrite.
    expect((await failure(saveNote(user.id, "queryset-laziness", { content: "again", revision: 0 }, at(3)))).code).toBe(
      "CONFLICT",
    );
    expect((await getNote(user.id, "queryset-laziness"))?.content).toBe("second");
  });

  it("lets exactly one of two racing creates win", async () => {
    const user = await userFactory();
    const results = await Promise.allSettled(
      ["a", "b", "c"].map((c) => saveNote(user.id, "csrf-protection", { content: c, revision: 0 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().note.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps notes private: another user sees none and cannot delete", async () => {
    const owner = await userFactory();
    const other = await userFactory();
    await saveNote(owner.id, "queryset-laziness", { content: "mine only", revision: 0 });
    expect(await getNote(other.id, "queryset-laziness")).toBeNull();
    expect((await failure(deleteNote(other.id, "queryset-laziness"))).code).toBe("NOT_FOUND");
    expect((await listNotes(other.id, { limit: 20, q: "mine" })).items).toEqual([]);
    expect((await failure(saveNote(other.id, "queryset-laziness", { content: "x", revision: 1 }))).code).toBe(
      "CONFLICT",
    );
    expect((await getNote(owner.id, "queryset-laziness"))?.content).toBe("mine only");
  });

  it("refuses a note over 100 KB with 413 and an unknown question with 404", async () => {
    const user = await userFactory();
    expect(
      (await failure(saveNote(user.id, "queryset-laziness", { content: "x".repeat(100 * 1024 + 1), revision: 0 })))
        .status,
    ).toBe(413);
    expect(
      (await saveNote(user.id, "queryset-laziness", { content: "\u00e9".repeat(50 * 1024), revision: 0 })).revision,
    ).toBe(1);
    expect((await failure(saveNote(user.id, "no-such-question", { content: "x", revision: 0 }))).status).toBe(404);
  });

  it("searches with ranking, prefixes and snippets; filters by topic; pages by last edit", async () => {
    const user = await userFactory();
    await saveNote(
      user.id,
      "queryset-laziness",
      {
        content: "Querysets are lazy. Evaluation happens on iteration, slicing with a step, len() and bool().",
        revision: 0,
      },
      at(0),
    );
    await saveNote(
      user.id,
      "prefetch-related-explained",
      {
        content:
          "```python\nBook.objects.prefetch_related('authors')\n```\nruns a second query; lazy loading would cause N+1.",
        revision: 0,
      },
      at(1),
    );
    await saveNote(
      user.id,
      "csrf-protection",
      { content: "CSRF token in a cookie and a hidden field <script>alert(1)</script>", revision: 0 },
      at(2),
    );

    // The note holding both words first; the one holding only "lazy" fills the page, marked as partial.
    const lazy = await listNotes(user.id, { q: "lazy evaluation", limit: 20 });
    expect(lazy.items.map((n) => [n.question.slug, n.partial ?? false])).toEqual([
      ["queryset-laziness", false],
      ["prefetch-related-explained", true],
    ]);
    expect(lazy).toMatchObject({ match: "all", searched: "lazy evaluation" });
    expect(lazy.items[0]!.snippet).toContain("<mark>");
    // A code block's fence and language are markup, not words of the note.
    expect(lazy.items[1]!.snippet).toContain("Book.objects.prefetch_related");
    expect(lazy.items[1]!.snippet).not.toMatch(/python/);

    const prefix = await listNotes(user.id, { q: "laz", limit: 20 });
    expect(prefix.items.map((n) => n.question.slug).sort()).toEqual([
      "prefetch-related-explained",
      "queryset-laziness",
    ]);

    const script = await listNotes(user.id, { q: "hidden field", limit: 20 });
    expect(script.items[0]!.snippet).not.toContain("<script>");

    expect((await listNotes(user.id, { topic: "beta", limit: 20 })).items.map((n) => n.question.slug)).toEqual([
      "csrf-protection",
    ]);

    const first = await listNotes(user.id, { limit: 2 });
    expect(first.items.map((n) => n.question.slug)).toEqual(["csrf-protection", "prefetch-related-explained"]);
    const second = await listNotes(user.id, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((n) => n.question.slug)).toEqual(["queryset-laziness"]);
    expect(second.nextCursor).toBeNull();

    // Search results page by rank, then id: one at a time, every match once, best first; a search cursor
    // does not page the plain list, and a topic filter applies to search too.
    const ranked = await listNotes(user.id, { q: "lazy", limit: 20 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listNotes(user.id, { q: "lazy", limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((n) => n.question.slug));
      cursor = page.nextCursor ?? undefined;
      if (cursor) expect((await failure(listNotes(user.id, { limit: 1, cursor }))).code).toBe("VALIDATION");
    } while (cursor);
    expect(seen).toEqual(ranked.items.map((n) => n.question.slug));
    expect(seen).toHaveLength(2);
    expect((await listNotes(user.id, { q: "lazy", topic: "alpha", limit: 20 })).items).toHaveLength(2);
    expect((await listNotes(user.id, { q: "lazy", topic: "beta", limit: 20 })).items).toEqual([]);

    // Punctuation and tsquery syntax are words or nothing, never an error.
    expect((await listNotes(user.id, { q: '\'); drop table "Note"; -- & | ! :*', limit: 20 })).items).toEqual([]);
    expect(await db().note.count({ where: { userId: user.id } })).toBe(3);
    expect((await failure(listNotes(user.id, { limit: 2, cursor: "bm9wZQ" }))).code).toBe("VALIDATION");
  });
});

describe("practice answers", () => {
  it("autosaves the draft with revision checks", async () => {
    const user = await userFactory();
    expect((await savePracticeDraft(user.id, "queryset-laziness", { content: "d1", revision: 0 })).revision).toBe(1);
    expect((await savePracticeDraft(user.id, "queryset-laziness", { content: "d2", revision: 1 })).revision).toBe(2);
    const stale = await failure(savePracticeDraft(user.id, "queryset-laziness", { content: "old tab", revision: 1 }));
    expect(stale.extra).toEqual({ current: { content: "d2", revision: 2 } });
  });

  it("numbers versions, scores each against the key points and keeps them all", async () => {
    const user = await userFactory();
    const one = await savePracticeVersion(user.id, "queryset-laziness", "Querysets are lazy.", at(0));
    const two = await savePracticeVersion(
      user.id,
      "queryset-laziness",
      "A queryset is built but not executed until evaluation triggers it; chaining is cheap.",
      at(1),
    );
    expect([one.version.number, two.version.number]).toEqual([1, 2]);
    expect(two.version.score).toBeGreaterThan(one.version.score);
    const practice = await getPractice(user.id, "queryset-laziness");
    expect(practice.versions.map((v) => v.content)).toEqual(["Querysets are lazy.", two.version.content]);
    expect(practice.draft).toBe(two.version.content);
    expect(practice.versions[1]!.coverage.length).toBeGreaterThan(0);
    expect((await failure(savePracticeVersion(user.id, "queryset-laziness", "   "))).code).toBe("VALIDATION");
  });

  it(`carries the newest ${PRACTICE_VERSIONS_SHOWN} versions and the count, not all 1,000 a question may keep (100 MB)`, async () => {
    const user = await userFactory();
    await savePracticeVersion(user.id, "csrf-protection", "first", at(0));
    const answer = await db().practiceAnswer.findFirstOrThrow({ where: { userId: user.id } });
    await db().$executeRaw`
      insert into "PracticeAnswerVersion" (id, "answerId", number, content, coverage, score, "createdAt")
      select gen_random_uuid(), ${answer.id}::uuid, g, 'version ' || g, '[]', 0.5, now() from generate_series(2, 120) g`;
    const practice = await getPractice(user.id, "csrf-protection");
    expect(practice.versionCount).toBe(120);
    expect(practice.versions.map((v) => v.number)).toEqual(
      Array.from({ length: PRACTICE_VERSIONS_SHOWN }, (_, i) => 121 - PRACTICE_VERSIONS_SHOWN + i),
    );
  });

  it("gives concurrent saves distinct version numbers", async () => {
    const user = await userFactory();
    await Promise.all([1, 2, 3, 4].map((n) => savePracticeVersion(user.id, "csrf-protection", `answer ${n}`)));
    expect((await getPractice(user.id, "csrf-protection")).versions.map((v) => v.number)).toEqual([1, 2, 3, 4]);
  });

  it("queues a question rated Again, but not one rated Good", async () => {
    const user = await userFactory();
    expect((await ratePractice(user.id, "csrf-protection", "good", at(0))).queuedUntil).toBeNull();
    const again = await ratePractice(user.id, "queryset-laziness", "again", at(0));
    expect(again.queuedUntil).not.toBeNull();
    const queue = await reviewQueue(user.id, at(1));
    expect(queue.due.map((c) => c.question.slug)).toEqual(["queryset-laziness"]);
    expect(queue.due[0]!.reason).toBe("rated");
    expect((await getPractice(user.id, "queryset-laziness")).rating).toBe("again");
  });
});

describe("revision queue", () => {
  it("schedules with FSRS, logs every rating, and the log replays to the stored card", async () => {
    const user = await userFactory();
    await addToQueue(user.id, "queryset-laziness", at(0));
    await rateReview(user.id, "queryset-laziness", "again", at(1));
    await rateReview(user.id, "queryset-laziness", "good", at(3));
    const good = await rateReview(user.id, "queryset-laziness", "good", at(15));
    expect(new Date(good.due).getTime()).toBeGreaterThan(at(15).getTime() + 12 * 3_600_000);
    const qid = await questionId("queryset-laziness");
    const stored = await db().reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: user.id, questionId: qid } },
    });
    const replayed = await recomputeCard(user.id, qid);
    expect(replayed).toMatchObject({ due: stored.due, reps: stored.reps, lapses: stored.lapses, state: stored.state });
    expect(replayed!.stability).toBeCloseTo(stored.stability, 6);
    expect(await db().reviewLog.count({ where: { userId: user.id } })).toBe(3);
  });

  it("shows only what is due by the end of the user's day, in their time zone", async () => {
    const user = await userFactory();
    await db().user.update({ where: { id: user.id }, data: { timeZone: "Asia/Tokyo" } });
    await addToQueue(user.id, "queryset-laziness", at(0));
    const qid = await questionId("queryset-laziness");
    // 2026-03-01 09:00 UTC is 18:00 in Tokyo: the Tokyo day ends at 15:00 UTC.
    await db().reviewCard.update({
      where: { userId_questionId: { userId: user.id, questionId: qid } },
      data: { due: new Date("2026-03-01T14:59:00Z") },
    });
    expect((await reviewQueue(user.id, at(0))).due).toHaveLength(1);
    await db().reviewCard.update({
      where: { userId_questionId: { userId: user.id, questionId: qid } },
      data: { due: new Date("2026-03-01T15:01:00Z") },
    });
    const later = await reviewQueue(user.id, at(0));
    expect(later.due).toHaveLength(0);
    expect(later.upcoming).toBe(1);
  });

  it("refuses to rate a question that is not queued, or someone else's", async () => {
    const owner = await userFactory();
    const other = await userFactory();
    await addToQueue(owner.id, "csrf-protection");
    expect((await failure(rateReview(other.id, "csrf-protection", "good"))).code).toBe("NOT_FOUND");
    expect((await failure(removeFromQueue(other.id, "csrf-protection"))).code).toBe("NOT_FOUND");
    await removeFromQueue(owner.id, "csrf-protection");
    expect((await reviewQueue(owner.id)).due).toHaveLength(0);
  });

  it("takes in questions scored low or skipped in a mock interview, and those rated Again in its review", async () => {
    const user = await userFactory();
    const interview = await startInterview(user.id, { company: "acme", mode: "practice" }, at(0));
    const [first, second] = interview.questions;
    await saveAnswer(user.id, interview.id, first!.id, { content: "no idea", revision: 0 }, at(1));
    await endInterview(user.id, interview.id, "finish", at(2));
    const queued = await db().reviewCard.findMany({
      where: { userId: user.id },
      select: { questionId: true, reason: true },
    });
    expect(Object.fromEntries(queued.map((c) => [c.questionId, c.reason]))).toEqual({
      [first!.id]: "LOW_SCORE",
      [second!.id]: "SKIPPED",
    });
    await rateAnswer(user.id, interview.id, second!.id, "AGAIN", at(3));
    expect(await db().reviewLog.count({ where: { userId: user.id, source: "INTERVIEW" } })).toBe(1);
  });
});

describe("bookmarks and sets", () => {
  it("bookmarks idempotently", async () => {
    const user = await userFactory();
    await setBookmark(user.id, "csrf-protection", true);
    await setBookmark(user.id, "csrf-protection", true);
    expect((await listBookmarks(user.id)).items.map((b) => b.slug)).toEqual(["csrf-protection"]);
    await setBookmark(user.id, "csrf-protection", false);
    expect((await listBookmarks(user.id)).items).toEqual([]);
  });

  it("creates, renames, fills and empties a set; names are unique per user", async () => {
    const user = await userFactory();
    const set = await createSet(user.id, {
      name: "Weak ORM questions",
      description: "",
      questions: ["queryset-laziness"],
    });
    await addToSet(user.id, set.id, "prefetch-related-explained");
    await addToSet(user.id, set.id, "prefetch-related-explained");
    expect((await getSet(user.id, set.id)).questions.map((q) => q.slug)).toEqual([
      "queryset-laziness",
      "prefetch-related-explained",
    ]);
    await removeFromSet(user.id, set.id, "queryset-laziness");
    expect((await getSet(user.id, set.id)).questionCount).toBe(1);
    const duplicate = await failure(createSet(user.id, { name: "Weak ORM questions", description: "", questions: [] }));
    expect(duplicate.fields).toHaveProperty("name");
    await createSet(user.id, { name: "JPMorgan week", description: "", questions: [] });
    expect((await failure(updateSet(user.id, set.id, { name: "JPMorgan week" }))).fields).toHaveProperty("name");
    expect((await updateSet(user.id, set.id, { name: "ORM" })).name).toBe("ORM");
    expect(
      (await failure(createSet(user.id, { name: "Bad", description: "", questions: ["nope"] }))).fields,
    ).toHaveProperty("questions");
  });

  it("hides a set from everyone but its owner", async () => {
    const owner = await userFactory();
    const other = await userFactory();
    const set = await createSet(owner.id, { name: "Private", description: "", questions: [] });
    const attempts = [
      () => getSet(other.id, set.id),
      () => updateSet(other.id, set.id, { name: "x" }),
      () => deleteSet(other.id, set.id),
      () => addToSet(other.id, set.id, "csrf-protection"),
      () => removeFromSet(other.id, set.id, "csrf-protection"),
      () => startSetInterview(other.id, set.id),
    ];
    for (const attempt of attempts) expect((await failure(attempt())).code).toBe("NOT_FOUND");
    expect((await listSets(other.id)).items).toEqual([]);
  });

  it(`stops at ${MAX_SETS} sets, even when creations race`, async () => {
    const user = await userFactory();
    await db().questionSet.createMany({
      data: Array.from({ length: MAX_SETS - 2 }, (_, i) => ({ userId: user.id, name: `Set ${i}` })),
    });
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) => createSet(user.id, { name: `Race ${n}`, description: "", questions: [] })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await db().questionSet.count({ where: { userId: user.id } })).toBe(MAX_SETS);
  });

  it("starts a practice interview from a set, and from weak topics", async () => {
    const user = await userFactory();
    const set = await createSet(user.id, {
      name: "Two",
      description: "",
      questions: ["csrf-protection", "queryset-laziness"],
    });
    const started = await startSetInterview(user.id, set.id, at(0));
    const view = await getInterview(user.id, started.id, at(1));
    expect(view).toMatchObject({ mode: "practice", deadlineAt: null, title: "Set: Two", company: null });
    expect(view.questions.map((q) => q.slug).sort()).toEqual(["csrf-protection", "queryset-laziness"]);

    const topics = await startTopicInterview(user.id, ["beta"], at(2));
    const topicView = await getInterview(user.id, topics.id, at(3));
    expect(topicView.questions.map((q) => q.slug)).toEqual(["csrf-protection"]);
    expect(topicView.title).toContain("Beta");
  });
});

describe("dashboard", () => {
  it("counts interviews and practice, streaks in the user's time zone, and ranks topics by strength", async () => {
    const user = await userFactory();
    await db().user.update({ where: { id: user.id }, data: { timeZone: "America/New_York" } });
    // Activity at 03:00 UTC is the previous evening in New York: three consecutive New York days.
    for (const [slug, when] of [
      ["queryset-laziness", "2026-03-01T03:00:00Z"],
      ["csrf-protection", "2026-03-01T20:00:00Z"],
      ["prefetch-related-explained", "2026-03-02T18:00:00Z"],
    ] as const) {
      await savePracticeVersion(
        user.id,
        slug,
        slug === "csrf-protection"
          ? "no idea"
          : "built but not executed, evaluation triggers, chaining is cheap; join vs separate query, many-to-many and reverse relations, avoids N+1 queries",
        new Date(when),
      );
    }
    await ratePractice(user.id, "csrf-protection", "again", new Date("2026-03-02T19:00:00Z"));
    const dashboard = await getDashboard(user.id, new Date("2026-03-02T23:00:00Z"));
    expect(dashboard.streak).toBe(3);
    expect(dashboard.practised).toBe(3);
    expect(dashboard.due).toBe(1);
    expect(dashboard.weakest[0]?.slug).toBe("beta");
    expect(dashboard.recent.length).toBeGreaterThan(0);
    // Two days later with nothing done, the streak is over.
    expect((await getDashboard(user.id, new Date("2026-03-05T12:00:00Z"))).streak).toBe(0);
  });
});

describe("your data", () => {
  async function busyUser() {
    const user = await userFactory();
    await saveNote(user.id, "queryset-laziness", { content: "Note: querysets are lazy", revision: 0 }, at(0));
    await savePracticeVersion(user.id, "queryset-laziness", "Version one", at(1));
    await savePracticeVersion(user.id, "queryset-laziness", "Version two", at(2));
    await ratePractice(user.id, "queryset-laziness", "hard", at(3));
    await setBookmark(user.id, "csrf-protection", true);
    await createSet(user.id, {
      name: "Week one",
      description: "warm-up",
      questions: ["csrf-protection", "queryset-laziness"],
    });
    const interview = await startInterview(user.id, { company: "acme", mode: "practice" }, at(4));
    await saveAnswer(
      user.id,
      interview.id,
      interview.questions[0]!.id,
      { content: "Interview answer text", revision: 0 },
      at(5),
    );
    await endInterview(user.id, interview.id, "finish", at(6));
    return user;
  }

  it("exports everything as documented JSON, and imports it back into an empty account unchanged", async () => {
    const user = await busyUser();
    const doc = await exportDocument(user.id, at(10));
    expect(exportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.notes).toHaveLength(1);
    expect(doc.practiceAnswers[0]!.versions).toHaveLength(2);
    expect(doc.interviews[0]!.questions.some((q) => q.content === "Interview answer text")).toBe(true);
    expect(doc.reviewLog.length).toBeGreaterThan(0);

    const copy = await userFactory();
    const result = await importDocument(copy.id, doc);
    expect(result.skippedQuestions).toEqual([]);
    const again = await exportDocument(copy.id, at(10));
    expect({ ...again, profile: { ...again.profile, email: "", createdAt: "" } }).toEqual({
      ...doc,
      profile: { ...doc.profile, email: "", createdAt: "" },
    });

    expect((await failure(importDocument(copy.id, doc))).code).toBe("CONFLICT");
  });

  it("writes one readable Markdown document with interviews, model answers, practice and notes", async () => {
    const user = await busyUser();
    const markdown = await read(await exportMarkdown(user.id, at(10)));
    expect(markdown).toContain("## Interviews (1)");
    expect(markdown).toContain("Interview answer text");
    expect(markdown).toContain("**Model answer**");
    expect(markdown).toContain("**Version 2**");
    expect(markdown).toContain("Note: querysets are lazy");
  });

  it("deletes the account and every row it owns, in one go, after checking the password", async () => {
    const user = await busyUser();
    const other = await busyUser();
    expect((await failure(deleteAccount(user.id, "wrong password", null))).fields).toHaveProperty("password");
    await deleteAccount(user.id, user.password, null);
    // Every table with a userId column (and the rows hanging off them) holds nothing of theirs.
    const tables = await db().$queryRaw<{ table_name: string }[]>`
      select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'userId'`;
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const { table_name } of tables) {
      const rows = await db().$queryRawUnsafe<{ n: number }[]>(
        `select count(*)::int as n from "${table_name}" where "userId" = $1::uuid`,
        user.id,
      );
      expect(rows[0]!.n, table_name).toBe(0);
    }
    expect(await db().user.count({ where: { id: user.id } })).toBe(0);
    expect(await db().note.count({ where: { userId: other.id } })).toBe(1);
  });

  it("asks an account without a password for a recent sign-in instead", async () => {
    const user = await userFactory();
    await db().user.update({ where: { id: user.id }, data: { passwordHash: null } });
    const now = new Date();
    expect(
      (await failure(deleteAccount(user.id, undefined, Math.floor(now.getTime() / 1000) - 3_600, now))).extra,
    ).toEqual({ reauthenticate: true });
    await deleteAccount(user.id, undefined, Math.floor(now.getTime() / 1000) - 60, now);
    expect(await db().user.count({ where: { id: user.id } })).toBe(0);
  });
});
