// `npm run rescore` (lib/scoring/rescore.ts): stored interview answers and practice versions follow the current
// rubrics, interview totals follow their answers, blank answers stay unscored, and a second run changes nothing.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rescore, rescoreQuestion, scoringFingerprint } from "@/lib/scoring/rescore";
import { watchEventLoop } from "../support/event-loop";
import { userFactory } from "../factories";

const rubric = (points: string[][]) => ({
  derived: false,
  points: points.map((any) => ({ concepts: [{ name: any[0]!, any }], disqualifiers: [] })),
});
let questionId: string;
let topicId: string;

beforeAll(async () => {
  topicId = (await db().topic.create({ data: { slug: "rescore-topic", name: "Rescore", order: 99 } })).id;
  questionId = (
    await db().question.create({
      data: {
        slug: "rescore-question",
        title: "Soft deletes",
        prompt: "How do you soft-delete rows?",
        modelAnswer: "Mark them.",
        topicId,
        keyPoints: ["Mark rows deleted (deleted_at) instead of removing them", "Hide them with a custom manager"],
        rubric: rubric([["deleted_at", "is_deleted"], ["custom manager"]]),
        difficulty: "EASY",
        tags: ["orm"],
        estimatedMinutes: 3,
        source: "test",
      },
    })
  ).id;
});

const legacy = [
  {
    point: "Mark rows deleted (deleted_at) instead of removing them",
    covered: false,
    matched: ["delet"],
    missing: ["mark", "row"],
  },
];

async function endedInterview(userId: string, answers: string[], stored?: { score: number; coverage: unknown }) {
  const interview = await db().interview.create({
    data: {
      userId,
      title: "Old",
      mode: "PRACTICE",
      status: "FINISHED",
      seed: 1,
      topicFocus: [],
      startedAt: new Date(),
      endedAt: new Date(),
      score: 0,
    },
  });
  for (const [position, content] of answers.entries()) {
    const blank = !content.trim();
    await db().interviewQuestion.create({
      data: {
        interviewId: interview.id,
        questionId,
        position,
        content,
        coverage: blank ? undefined : ((stored?.coverage ?? legacy) as never),
        score: blank ? null : (stored?.score ?? 0),
        answeredAt: blank ? null : new Date(),
      },
    });
  }
  return interview.id;
}

describe("rescore", () => {
  it("re-scores ended interviews and practice versions with the rubrics, and then does nothing until they change", async () => {
    const user = await userFactory();
    // Two identical answers would collide on (interviewId, questionId): one interview per answer.
    const first = await endedInterview(user.id, ["Add an is_deleted flag."]);
    const blank = await endedInterview(user.id, ["  "]);
    const answer = await db().practiceAnswer.create({
      data: { userId: user.id, questionId, draft: "x", revision: 1, updatedAt: new Date() },
    });
    await db().practiceAnswerVersion.create({
      data: { answerId: answer.id, number: 1, content: "deleted_at plus a custom manager", coverage: legacy, score: 0 },
    });

    const report = await rescore(db(), { force: true });
    expect(report).toMatchObject({ skipped: false, changed: 2, interviews: 1 });

    const scored = await db().interviewQuestion.findFirstOrThrow({ where: { interviewId: first } });
    expect(scored.score).toBe(0.5);
    expect(scored.coverage).toEqual([
      {
        point: "Mark rows deleted (deleted_at) instead of removing them",
        covered: true,
        heard: [{ concept: "deleted_at", phrase: "is_deleted" }],
        missing: [],
        wrong: [],
        named: [],
      },
      {
        point: "Hide them with a custom manager",
        covered: false,
        heard: [],
        missing: ["custom manager"],
        wrong: [],
        named: [],
      },
    ]);
    expect((await db().interview.findUniqueOrThrow({ where: { id: first } })).score).toBe(0.5);
    const skipped = await db().interviewQuestion.findFirstOrThrow({ where: { interviewId: blank } });
    expect(skipped).toMatchObject({ score: null, coverage: null });
    expect((await db().practiceAnswerVersion.findFirstOrThrow({ where: { answerId: answer.id } })).score).toBe(1);

    expect(await rescore(db())).toMatchObject({ skipped: true });
    expect(await rescore(db(), { force: true })).toMatchObject({ skipped: false, changed: 0 });

    const before = await scoringFingerprint(db());
    await db().question.update({
      where: { id: questionId },
      data: {
        rubric: rubric([
          ["deleted_at", "is_deleted"],
          ["manager", "filter"],
        ]),
      },
    });
    expect(await scoringFingerprint(db())).not.toBe(before);
    expect(await rescore(db())).toMatchObject({ skipped: false, changed: 2 });
    expect((await db().interview.findUniqueOrThrow({ where: { id: first } })).score).toBe(0.5);
  });

  describe("moves the revision queue as finishing the interview would have with the new scores", () => {
    const now = new Date();
    const card = (userId: string, reason: "LOW_SCORE" | "SKIPPED" | "MANUAL" | "RATED", reviewed = false) =>
      db().reviewCard.create({
        data: {
          userId,
          questionId,
          reason,
          due: now,
          ...(reviewed ? { reps: 2, state: 2, stability: 3.1, lastReview: now } : {}),
        },
      });
    const cardOf = (userId: string) =>
      db().reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
    // Two points, each heard: 1. One heard: 0.5. None: 0.
    const good = "deleted_at and a custom manager";
    const bad = "Delete the rows with a queryset's delete().";

    it("takes out a card only the old, wrong score put there", async () => {
      const user = await userFactory();
      await endedInterview(user.id, [good]);
      await card(user.id, "LOW_SCORE");
      const report = await rescore(db(), { force: true });
      expect(report.queue.removed).toBeGreaterThanOrEqual(1);
      expect(await cardOf(user.id)).toBeNull();
    });

    it("keeps a card the user has rated: it is their schedule now", async () => {
      const user = await userFactory();
      await endedInterview(user.id, [good]);
      const before = await card(user.id, "LOW_SCORE", true);
      await rescore(db(), { force: true });
      expect(await cardOf(user.id)).toMatchObject({ id: before.id, reason: "LOW_SCORE", reps: 2 });
    });

    it("keeps the card while another answer of theirs still scores low", async () => {
      const user = await userFactory();
      await endedInterview(user.id, [good]);
      await endedInterview(user.id, [bad], { score: 0, coverage: [] });
      await card(user.id, "LOW_SCORE");
      await rescore(db(), { force: true });
      expect(await cardOf(user.id)).toMatchObject({ reason: "LOW_SCORE" });
    });

    it("labels the card skipped again when the user also left the question blank", async () => {
      const user = await userFactory();
      await endedInterview(user.id, [good]);
      await endedInterview(user.id, [" "]);
      await card(user.id, "LOW_SCORE");
      await rescore(db(), { force: true });
      expect(await cardOf(user.id)).toMatchObject({ reason: "SKIPPED" });
    });

    it("queues a question whose answer now scores low, as a new card due now", async () => {
      const user = await userFactory();
      await endedInterview(user.id, [bad], { score: 1, coverage: [] });
      const report = await rescore(db(), { force: true });
      expect(report.queue.added).toBeGreaterThanOrEqual(1);
      const queued = await cardOf(user.id);
      expect(queued).toMatchObject({ reason: "LOW_SCORE", reps: 0, state: 0, lastReview: null });
      expect(queued!.due.getTime()).toBeLessThanOrEqual(Date.now());
    });

    it("relabels a card there as skipped, and leaves one added by hand or by a rating as it is", async () => {
      const [skipped, manual, rated] = [await userFactory(), await userFactory(), await userFactory()];
      for (const user of [skipped, manual, rated]) await endedInterview(user.id, [bad], { score: 1, coverage: [] });
      await card(skipped.id, "SKIPPED");
      await card(manual.id, "MANUAL");
      await card(rated.id, "RATED", true);
      await rescore(db(), { force: true });
      expect(await cardOf(skipped.id)).toMatchObject({ reason: "LOW_SCORE" });
      expect(await cardOf(manual.id)).toMatchObject({ reason: "MANUAL" });
      expect(await cardOf(rated.id)).toMatchObject({ reason: "RATED", reps: 2 });
    });

    it("leaves the queue alone for scores that do not cross the line, and when run again", async () => {
      const user = await userFactory();
      // Stored 0.3, now 0: low before and after. The user had taken the card out; it is not brought back.
      await endedInterview(user.id, [bad], { score: 0.3, coverage: [] });
      const first = await rescore(db(), { force: true });
      expect(await cardOf(user.id)).toBeNull();
      const again = await rescore(db(), { force: true });
      expect(again).toMatchObject({ changed: 0, queue: { added: 0, removed: 0, relabelled: 0 } });
      expect(first.changed).toBeGreaterThanOrEqual(1);
    });
  });

  it("scores a question's thousand answers without holding the event loop up (the editor's save runs it in a request)", async () => {
    const user = await userFactory();
    // About 2 KB each, as the bank's model answers are: 0.8 ms apiece to score, 0.4 s of CPU a batch of 500.
    const answer = (i: number) =>
      `Answer ${i}: mark rows with deleted_at instead of deleting them. ` +
      "A custom manager filters them out of every queryset, and the admin can still list them. ".repeat(22);
    const count = 1000;
    const interviews = Array.from({ length: count }, () => crypto.randomUUID());
    await db().interview.createMany({
      data: interviews.map((id, i) => ({
        id,
        userId: user.id,
        title: "Many",
        mode: "PRACTICE" as const,
        status: "FINISHED" as const,
        seed: i,
        topicFocus: [],
        startedAt: new Date(),
        endedAt: new Date(),
        score: 0,
      })),
    });
    await db().interviewQuestion.createMany({
      data: interviews.map((interviewId, i) => ({
        interviewId,
        questionId,
        position: 0,
        content: answer(i),
        coverage: [],
        score: 0.25,
        answeredAt: new Date(),
      })),
    });
    const loop = watchEventLoop();
    const report = await rescoreQuestion(db(), questionId);
    const { longestBusyMs } = loop.stop();
    expect(report.changed).toBeGreaterThanOrEqual(count);
    // Here: 30 ms at most between turns (a batch's rows arriving), 220-240 ms when a batch was scored in one go.
    expect(longestBusyMs).toBeLessThan(100);
  });
});
