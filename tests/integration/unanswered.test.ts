// Unanswered is not wrong (docs/decisions/0013): what a skipped question does to the interview's score, the
// history, the revision queue and the dashboard, on a real database.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { rateAnswer, saveAnswer } from "@/lib/data/answers";
import { createSet } from "@/lib/data/sets";
import { getDashboard } from "@/lib/data/dashboard";
import { listInterviews } from "@/lib/data/interview-history";
import { endInterview, startSetInterview } from "@/lib/data/interviews";
import { savePracticeVersion } from "@/lib/data/practice";
import { reviewQueue } from "@/lib/data/review";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

const T0 = new Date("2026-03-01T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PREFETCH_ALL =
  "select_related is a join vs a separate query for prefetch_related, which handles many-to-many and reverse relations and avoids N+1 queries.";

/** A practice interview over exactly these questions (a set keeps their order), with the given answers. */
async function interviewOver(userId: string, answers: Record<string, string>, minute = 0) {
  const slugs = Object.keys(answers);
  const set = await createSet(userId, { name: `Set ${minute} ${slugs.join(" ")}`, description: "", questions: slugs });
  const { id } = await startSetInterview(userId, set.id, at(minute));
  const ids = await db().question.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const idOf = (slug: string) => ids.find((q) => q.slug === slug)!.id;
  for (const [slug, content] of Object.entries(answers)) {
    // A save that is later cleared: the question still ends unanswered.
    if (!content.trim()) await saveAnswer(userId, id, idOf(slug), { content: "draft", revision: 0 }, at(minute + 1));
    const revision = content.trim() ? 0 : 1;
    await saveAnswer(userId, id, idOf(slug), { content, revision }, at(minute + 2));
  }
  const view = await endInterview(userId, id, "finish", at(minute + 3));
  return { view, idOf };
}

describe("an interview with skipped questions", () => {
  it("is scored over the answers given, says how many, and stores the skipped ones as unanswered", async () => {
    const user = await userFactory();
    const { view, idOf } = await interviewOver(user.id, {
      "prefetch-related-explained": PREFETCH_ALL,
      "queryset-laziness": " \n",
      "csrf-protection": "",
    });
    expect(view.score).toBe(1);
    expect(view.review).toMatchObject({ score: 1, answered: 1, questions: 3 });
    expect(view.review!.byTopic).toEqual([{ topic: "Alpha Topic", score: 1, questions: 1 }]);
    const skipped = view.review!.items.filter((i) => i.skipped).map((i) => i.questionId);
    expect(skipped.sort()).toEqual([idOf("queryset-laziness"), idOf("csrf-protection")].sort());

    const stored = await db().interviewQuestion.findMany({
      where: { interviewId: view.id },
      select: { questionId: true, score: true, coverage: true, answeredAt: true },
    });
    for (const row of stored.filter((r) => r.questionId !== idOf("prefetch-related-explained")))
      expect(row).toMatchObject({ score: null, coverage: null, answeredAt: null });

    const listed = await listInterviews(user.id, { limit: 20 });
    expect(listed.items[0]).toMatchObject({ id: view.id, score: 1, questionCount: 3, answeredCount: 1 });
  });

  it("has no score at all when every question was skipped", async () => {
    const user = await userFactory();
    const { view } = await interviewOver(user.id, { "queryset-laziness": "", "csrf-protection": "\t" });
    expect(view.score).toBeNull();
    expect(view.review).toMatchObject({ score: null, answered: 0, questions: 2, byTopic: [] });
    expect((await listInterviews(user.id, { limit: 20 })).items[0]).toMatchObject({ score: null, answeredCount: 0 });
  });

  it("counts a wrong answer as answered and scores it 0", async () => {
    const user = await userFactory();
    const { view } = await interviewOver(user.id, {
      "queryset-laziness": "I would add an index.",
      "csrf-protection": "",
    });
    expect(view.review).toMatchObject({ score: 0, answered: 1, questions: 2 });
  });
});

describe("the revision queue", () => {
  it("labels skipped questions 'skipped' and poorly answered ones 'low score', and relabels one answered poorly later", async () => {
    const user = await userFactory();
    const first = await interviewOver(user.id, { "queryset-laziness": "I would add an index.", "csrf-protection": "" });
    const reasons = async () =>
      Object.fromEntries((await reviewQueue(user.id, at(60))).due.map((c) => [c.question.slug, c.reason]));
    expect(await reasons()).toEqual({ "queryset-laziness": "low_score", "csrf-protection": "skipped" });

    // Rated Again in the review: still the skipped card, still labelled skipped.
    await rateAnswer(user.id, first.view.id, first.idOf("csrf-protection"), "AGAIN", at(5));
    expect((await reasons())["csrf-protection"]).toBe("skipped");

    // Answered (poorly) in a later interview: now it was scored low.
    await interviewOver(user.id, { "csrf-protection": "Restart the server." }, 10);
    expect(await reasons()).toEqual({ "queryset-laziness": "low_score", "csrf-protection": "low_score" });
    // Skipping it again afterwards does not hide that it was answered poorly.
    await interviewOver(user.id, { "csrf-protection": "" }, 20);
    expect((await reasons())["csrf-protection"]).toBe("low_score");
  });

  it("does not queue anything answered well", async () => {
    const user = await userFactory();
    await interviewOver(user.id, { "prefetch-related-explained": PREFETCH_ALL });
    expect((await reviewQueue(user.id, at(60))).due).toEqual([]);
  });
});

describe("the dashboard", () => {
  it("shows a user who only skipped questions no strength, no weakest topics and nothing practised", async () => {
    const user = await userFactory();
    await interviewOver(user.id, { "queryset-laziness": "", "csrf-protection": "" });
    const dashboard = await getDashboard(user.id, at(60));
    expect(dashboard.interviews).toBe(1);
    expect(dashboard.practised).toBe(0);
    expect(dashboard.topics.map((t) => [t.slug, t.state])).toEqual([
      ["alpha", "not_practised"],
      ["beta", "not_practised"],
    ]);
    expect(dashboard.weakest).toEqual([]);
  });

  it("marks a topic judged from one answer as tentative, counts what each figure rests on, and keeps unpractised topics out of the weakest", async () => {
    const user = await userFactory();
    await interviewOver(user.id, { "queryset-laziness": "I would add an index.", "csrf-protection": "" });
    let dashboard = await getDashboard(user.id, at(60));
    expect(dashboard.topics).toEqual([
      { slug: "alpha", name: "Alpha Topic", state: "tentative", strength: 0, answers: 1, ratings: 0 },
      { slug: "beta", name: "Beta Topic", state: "not_practised" },
    ]);
    expect(dashboard.weakest.map((t) => t.slug)).toEqual(["alpha"]);

    // Two more answers in Alpha (an interview and a practice version): no longer tentative.
    await interviewOver(user.id, { "prefetch-related-explained": PREFETCH_ALL }, 10);
    await savePracticeVersion(
      user.id,
      "queryset-laziness",
      "built but not executed; evaluation triggers; chaining is cheap",
      at(30),
    );
    dashboard = await getDashboard(user.id, at(60));
    const alpha = dashboard.topics.find((t) => t.slug === "alpha")!;
    expect(alpha).toMatchObject({ state: "judged", answers: 3, ratings: 0 });
    expect(dashboard.topics.find((t) => t.slug === "beta")).toMatchObject({ state: "not_practised" });
    expect(dashboard.weakest.every((t) => t.slug !== "beta")).toBe(true);
  });
});
