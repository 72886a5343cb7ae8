import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rateAnswer, saveAnswer, setFlag } from "@/lib/data/answers";
import { listInterviews } from "@/lib/data/interview-history";
import { endInterview, getInterview, interviewCandidates, startInterview } from "@/lib/data/interviews";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { SAVE_GRACE_MS } from "@/lib/interviews/clock";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

const T0 = new Date("2026-03-01T09:00:00Z");
const after = (ms: number) => new Date(T0.getTime() + ms);
const THIRTY_MINUTES = 30 * 60_000;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "OK";
}

async function started(mode: "strict" | "practice" | "extended" = "strict") {
  const user = await userFactory();
  const interview = await startInterview(user.id, { company: "acme", mode }, T0);
  return { user, interview, first: interview.questions[0]!.id };
}

describe("interview candidates", () => {
  it("reads a small bank whole, and a large topic as a bounded window that the seed chooses", async () => {
    const alpha = await db().topic.findUniqueOrThrow({ where: { slug: "alpha" } });
    const small = await interviewCandidates(["alpha", "beta"], 1);
    const all = await db().question.count({ where: { archivedAt: null, topic: { slug: { in: ["alpha", "beta"] } } } });
    expect(small).toHaveLength(all);

    await db().question.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        slug: `window-${i}`,
        title: `Window ${i}`,
        prompt: "p",
        modelAnswer: "a",
        keyPoints: [],
        difficulty: "EASY" as const,
        topicId: alpha.id,
        tags: [],
        estimatedMinutes: 3,
        source: "test",
      })),
    });
    try {
      const bucket = (candidates: Awaited<ReturnType<typeof interviewCandidates>>) =>
        candidates
          .filter((c) => c.topic === "alpha" && c.kind === "written" && c.difficulty === "easy")
          .map((c) => c.id);
      const first = await interviewCandidates(["alpha"], 7);
      expect(bucket(first).length).toBeLessThanOrEqual(40);
      expect(bucket(first).length).toBeGreaterThanOrEqual(20);
      expect(new Set(bucket(first)).size).toBe(bucket(first).length);
      expect(first.every((c) => c.topic === "alpha")).toBe(true);
      // The same seed reads the same window; other seeds read others.
      expect(await interviewCandidates(["alpha"], 7)).toEqual(first);
      const windows = new Set<string>();
      for (const seed of [1, 2, 3, 4, 5]) windows.add(bucket(await interviewCandidates(["alpha"], seed)).join());
      expect(windows.size).toBeGreaterThan(1);
    } finally {
      await db().question.deleteMany({ where: { slug: { startsWith: "window-" } } });
    }
  });
});

describe("starting an interview", () => {
  it("writes the interview, its questions and its deadline, without model answers", async () => {
    const { interview } = await started();
    expect(interview.status).toBe("in_progress");
    expect(interview.questions).toHaveLength(2);
    expect(interview.deadlineAt).toBe(after(THIRTY_MINUTES).toISOString());
    expect(interview.review).toBeUndefined();
    expect(JSON.stringify(interview)).not.toContain("modelAnswer");
  });

  it("answers with the same view that reading the interview back gives", async () => {
    const { user, interview } = await started();
    expect(interview.questions.length).toBeGreaterThan(0);
    expect(interview).toEqual(await getInterview(user.id, interview.id, T0));
  });

  it("gives practice no deadline and extended mode 1.5 times the duration", async () => {
    expect((await started("practice")).interview.deadlineAt).toBeNull();
    expect((await started("extended")).interview.deadlineAt).toBe(after(THIRTY_MINUTES * 1.5).toISOString());
  });

  it("allows one interview in progress per profile, even when two starts race", async () => {
    const { user } = await started();
    const error = await startInterview(user.id, { company: "acme", mode: "strict" }, T0).catch((e: AppError) => e);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).extra).toHaveProperty("inProgress.id");

    const other = await userFactory();
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => startInterview(other.id, { company: "acme", mode: "strict" }, T0)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    // The losers get the same 409 as a start that found the running interview, not a database error.
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r.reason as AppError).code).toBe("CONFLICT");
    expect(await db().interview.count({ where: { userId: other.id } })).toBe(1);
    expect(await db().interviewQuestion.count({ where: { interview: { userId: other.id } } })).toBeGreaterThan(0);
  });

  it("ends an interview left running past its deadline, scored, before starting the next", async () => {
    const { user, interview, first } = await started();
    await saveAnswer(
      user.id,
      interview.id,
      first,
      { content: "select_related follows foreign keys in one joined query.", revision: 0 },
      after(1000),
    );
    const next = await startInterview(user.id, { company: "acme", mode: "strict" }, after(THIRTY_MINUTES + 60_000));
    expect(next.id).not.toBe(interview.id);
    const old = await getInterview(user.id, interview.id, after(THIRTY_MINUTES + 60_000));
    expect(old.status).toBe("expired");
    expect(old.review?.items).toHaveLength(2);
  });

  it("prefers questions the user has not answered before", async () => {
    // Acme asks one of the two alpha questions each time: the second interview asks the other. Eight users,
    // so a start that ignored the history would repeat one by chance (1 in 2 each).
    for (let n = 0; n < 8; n++) {
      const { user, interview } = await started();
      await endInterview(user.id, interview.id, "finish", after(60_000));
      const next = await startInterview(user.id, { company: "acme", mode: "strict" }, after(120_000));
      const alpha = (view: typeof interview) =>
        view.questions.filter((q) => q.topic === "Alpha Topic").map((q) => q.slug);
      expect(alpha(interview)).toHaveLength(1);
      expect(alpha(next)).toHaveLength(1);
      expect(alpha(next)).not.toEqual(alpha(interview));
    }
  });

  it("among questions seen before, asks the weakest again first (no score counts as weakest)", async () => {
    const { user, interview } = await started();
    await endInterview(user.id, interview.id, "finish", after(60_000));
    const second = await startInterview(user.id, { company: "acme", mode: "strict" }, after(120_000));
    await endInterview(user.id, second.id, "finish", after(180_000));
    const alphaOf = (view: typeof interview) => view.questions.find((q) => q.topic === "Alpha Topic")!.id;
    const [a, b] = [alphaOf(interview), alphaOf(second)];
    expect(a).not.toBe(b);
    const score = (id: string, value: number | null) =>
      db().interviewQuestion.updateMany({
        where: { questionId: id, interview: { userId: user.id } },
        data: { score: value },
      });
    let at = 240_000;
    const next = async () => {
      const view = await startInterview(user.id, { company: "acme", mode: "strict" }, after(at));
      await endInterview(user.id, view.id, "abandon", after(at + 1_000));
      await db().interviewQuestion.deleteMany({ where: { interviewId: view.id } }); // asked, not answered: out of the history
      at += 10_000;
      return alphaOf(view);
    };
    await score(a, 0.875);
    await score(b, 0.25);
    expect(await next()).toBe(b);
    await score(a, 0.125);
    expect(await next()).toBe(a);
    await score(b, null);
    expect(await next()).toBe(b);
  });

  it("refuses an unknown company with a field message", async () => {
    const user = await userFactory();
    const error = (await startInterview(user.id, { company: "nope", mode: "strict" }, T0).catch((e) => e)) as AppError;
    expect(error.code).toBe("VALIDATION");
    expect(error.fields).toHaveProperty("company");
  });

  it("refuses a user id with no account behind it (a deleted account's leftover session) as unauthorized, writing nothing", async () => {
    const gone = crypto.randomUUID();
    const error = (await startInterview(gone, { company: "acme", mode: "strict" }, T0).catch((e) => e)) as AppError;
    expect(error.code).toBe("UNAUTHORIZED");
    expect(await db().interview.count({ where: { userId: gone } })).toBe(0);
  });
});

describe("saving answers", () => {
  it("chains revisions and detects a stale one with the current content", async () => {
    const { user, interview, first } = await started();
    expect(
      (await saveAnswer(user.id, interview.id, first, { content: "one", revision: 0 }, after(1000))).revision,
    ).toBe(1);
    expect(
      (await saveAnswer(user.id, interview.id, first, { content: "two", revision: 1 }, after(2000))).revision,
    ).toBe(2);
    const error = (await saveAnswer(user.id, interview.id, first, { content: "stale", revision: 1 }, after(3000)).catch(
      (e) => e,
    )) as AppError;
    expect(error.code).toBe("CONFLICT");
    expect(error.extra).toEqual({ current: { content: "two", revision: 2 } });
  });

  it("lets exactly one of two concurrent saves with the same revision win", async () => {
    const { user, interview, first } = await started();
    const results = await Promise.allSettled(
      ["tab A", "tab B"].map((content) =>
        saveAnswer(user.id, interview.id, first, { content, revision: 0 }, after(1000)),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    const stored = await getInterview(user.id, interview.id, after(2000));
    expect(stored.answers[0]!.revision).toBe(1);
  });

  it("accepts a save within the grace after the deadline and refuses one after it, keeping that text aside", async () => {
    const { user, interview, first } = await started();
    const deadline = THIRTY_MINUTES;
    expect(
      (
        await saveAnswer(
          user.id,
          interview.id,
          first,
          { content: "just in time", revision: 0 },
          after(deadline + SAVE_GRACE_MS),
        )
      ).revision,
    ).toBe(1);
    expect(
      await codeOf(
        saveAnswer(
          user.id,
          interview.id,
          first,
          { content: "too late", revision: 1 },
          after(deadline + SAVE_GRACE_MS + 1),
        ),
      ),
    ).toBe("TIME_UP");
    const stored = await getInterview(user.id, interview.id, after(deadline + 10_000));
    expect(stored.status).toBe("expired");
    expect(stored.answers[0]).toMatchObject({ content: "just in time", revision: 1, lateContent: "too late" });
  });

  it("refuses saves once the interview has ended, changing nothing", async () => {
    const { user, interview, first } = await started();
    await endInterview(user.id, interview.id, "finish", after(1000));
    expect(await codeOf(saveAnswer(user.id, interview.id, first, { content: "after", revision: 0 }, after(2000)))).toBe(
      "TIME_UP",
    );
    expect((await getInterview(user.id, interview.id, after(3000))).answers[0]).toMatchObject({
      content: "",
      revision: 0,
    });
  });
});

describe("ending and reviewing", () => {
  it("finalizes an interview whose deadline passed the next time anyone reads it", async () => {
    const { user, interview, first } = await started();
    await saveAnswer(
      user.id,
      interview.id,
      first,
      {
        content:
          "select_related joins in one query; prefetch_related runs a separate query for many-to-many and reverse relations, avoiding N+1 queries.",
        revision: 0,
      },
      after(1000),
    );
    const later = await getInterview(user.id, interview.id, after(THIRTY_MINUTES + 60_000));
    expect(later.status).toBe("expired");
    expect(later.endedAt).toBe(after(THIRTY_MINUTES).toISOString());
    expect(later.review?.items).toHaveLength(2);
    const listed = await listInterviews(user.id, { limit: 20 }, after(THIRTY_MINUTES + 60_000));
    expect(listed.items[0]).toMatchObject({ id: interview.id, status: "expired" });
  });

  it("scores key point coverage on finish, leaves a blank answer unscored; finishing twice is harmless", async () => {
    const { user, interview, first } = await started();
    const { keyPoints } = await db().question.findUniqueOrThrow({ where: { id: first } });
    await saveAnswer(
      user.id,
      interview.id,
      first,
      { content: `In short: ${keyPoints.join("; ")}.`, revision: 0 },
      after(1000),
    );
    // The fixture's key points are plain sentences (derived rubrics); mark the first question's as authored.
    const [, second] = (
      await db().interviewQuestion.findMany({ where: { interviewId: interview.id }, orderBy: { position: "asc" } })
    ).map((q) => q.questionId);
    await db().question.update({ where: { id: first }, data: { rubric: { derived: false, points: [] } } });
    const finished = await endInterview(user.id, interview.id, "finish", after(5000));
    expect(finished.review!.items.map((i) => [i.questionId, i.rubricDerived])).toEqual([
      [first, false],
      [second, true],
    ]);
    const again = await endInterview(user.id, interview.id, "finish", after(9000));
    expect(finished.status).toBe("finished");
    expect(again.endedAt).toBe(finished.endedAt);
    const [answered, unanswered] = finished.review!.items;
    expect(answered!.coverage.map((c) => c.covered)).toEqual(keyPoints.map(() => true));
    expect(answered!.score).toBe(1);
    // The blank one is unanswered, not wrong: no score, and the interview's score is over the one answer.
    expect(unanswered).toMatchObject({ skipped: true, score: null, coverage: [] });
    expect(finished.score).toBe(1);
    expect(finished.review).toMatchObject({ answered: 1, questions: 2 });
    expect(finished.review!.byTopic.reduce((n, t) => n + t.questions, 0)).toBe(1);
  });

  it("rates answers only after the end, and abandons without a score", async () => {
    const { user, interview, first } = await started();
    expect(await codeOf(rateAnswer(user.id, interview.id, first, "GOOD", after(1000)))).toBe("CONFLICT");
    await setFlag(user.id, interview.id, first, true, after(1000));
    const abandoned = await endInterview(user.id, interview.id, "abandon", after(2000));
    expect(abandoned).toMatchObject({ status: "abandoned", score: null });
    expect(abandoned.questions[0]!.flagged).toBe(true);
    expect(await rateAnswer(user.id, interview.id, first, "HARD", after(3000))).toEqual({ rating: "hard" });
  });
});

describe("ownership", () => {
  it("answers NOT_FOUND for every operation on someone else's interview", async () => {
    const { interview, first } = await started();
    const stranger = await userFactory();
    const id = interview.id;
    expect(await codeOf(getInterview(stranger.id, id, after(1)))).toBe("NOT_FOUND");
    expect(await codeOf(saveAnswer(stranger.id, id, first, { content: "x", revision: 0 }, after(1)))).toBe("NOT_FOUND");
    expect(await codeOf(setFlag(stranger.id, id, first, true, after(1)))).toBe("NOT_FOUND");
    expect(await codeOf(rateAnswer(stranger.id, id, first, "GOOD", after(1)))).toBe("NOT_FOUND");
    expect(await codeOf(endInterview(stranger.id, id, "finish", after(1)))).toBe("NOT_FOUND");
    expect(await codeOf(endInterview(stranger.id, id, "abandon", after(1)))).toBe("NOT_FOUND");
    expect((await listInterviews(stranger.id, { limit: 20 })).items).toEqual([]);
    const owner = (await db().interview.findUniqueOrThrow({ where: { id } })).userId;
    expect((await getInterview(owner, id, after(1))).status).toBe("in_progress");
  });
});

describe("answer size", () => {
  it("refuses an answer over 100 KB with PAYLOAD_TOO_LARGE and keeps the stored one", async () => {
    const { user, interview, first } = await started();
    expect(
      await codeOf(
        saveAnswer(user.id, interview.id, first, { content: "é".repeat(51 * 1024), revision: 0 }, after(1000)),
      ),
    ).toBe("PAYLOAD_TOO_LARGE");
    expect((await getInterview(user.id, interview.id, after(2000))).answers[0]).toMatchObject({
      content: "",
      revision: 0,
    });
  });
});
