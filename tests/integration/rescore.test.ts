// `npm run rescore` (lib/scoring/rescore.ts): stored interview answers and practice versions follow the current
// rubrics, interview totals follow their answers, blank answers stay unscored, and a second run changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { rescore, scoringFingerprint } from "@/lib/scoring/rescore";
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

async function endedInterview(userId: string, answers: string[]) {
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
        coverage: blank ? undefined : legacy,
        score: blank ? null : 0,
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
});
