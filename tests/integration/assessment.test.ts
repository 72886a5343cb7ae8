// The "Coding assessment (60 min)" format against the real bank: two algorithm problems and one SQL problem,
// one of each difficulty, on a 60-minute strict clock, a different set for the next sitting.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getInterviewTests, reportTestResults } from "@/lib/data/coding";
import { endInterview, startInterview } from "@/lib/data/interviews";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("seed")));
}, 60_000);

const T0 = new Date("2026-03-01T09:00:00Z");

async function problemsOf(ids: string[]) {
  const rows = await db().question.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true, difficulty: true, topic: { select: { slug: true } } },
  });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

describe("the coding assessment", () => {
  it("asks two algorithm problems and a SQL one, one of each difficulty, in 60 strict minutes, others next time", async () => {
    const user = await userFactory();
    const first = await startInterview(user.id, { company: "coding-assessment", mode: "strict" }, T0);
    expect(first.deadlineAt).toBe(new Date(T0.getTime() + 60 * 60_000).toISOString());
    const asked = await problemsOf(first.questions.map((q) => q.id));
    expect(asked.map((q) => q.kind)).toEqual(["CODING", "CODING", "CODING"]);
    expect(asked.map((q) => q.topic.slug).sort()).toEqual(["algorithms", "algorithms", "sql-postgresql"]);
    // The room runs each in its language: the SQL problem's tests are SQL tests.
    const sql = first.questions.find((q) => q.coding?.language === "sql");
    expect(sql?.coding?.visibleTests[0]).toMatchObject({ setup: expect.stringContaining("create table") });
    expect(asked.map((q) => q.difficulty).sort()).toEqual(["EASY", "HARD", "MEDIUM"]);

    await endInterview(user.id, first.id, "finish", new Date(T0.getTime() + 30 * 60_000));
    const second = await startInterview(
      user.id,
      { company: "coding-assessment", mode: "strict" },
      new Date(T0.getTime() + 31 * 60_000),
    );
    const again = second.questions.map((q) => q.id);
    expect(again.filter((id) => first.questions.some((q) => q.id === id))).toEqual([]);
  });

  it("serves a SQL answer's hidden tests once it ends, and stores the browser's report of them", async () => {
    const user = await userFactory();
    const started = await startInterview(user.id, { company: "coding-assessment", mode: "strict" }, T0);
    const sql = started.questions.find((q) => q.coding?.language === "sql")!;
    await db().interviewQuestion.update({
      where: { interviewId_questionId: { interviewId: started.id, questionId: sql.id } },
      data: { content: "select 1" },
    });
    await expect(getInterviewTests(user.id, started.id, new Date(T0.getTime() + 60_000))).rejects.toThrow(/Finish/);
    await endInterview(user.id, started.id, "finish", new Date(T0.getTime() + 60_000));
    const { questions } = await getInterviewTests(user.id, started.id, new Date(T0.getTime() + 61_000));
    const served = questions.find((q) => q.questionId === sql.id)!;
    expect(served.language).toBe("sql");
    expect(served.hiddenTests.length).toBeGreaterThanOrEqual(2);
    const all = [...served.visibleTests, ...served.hiddenTests];
    const results = all.map((t, i) => ({ name: t.name, passed: i === 0, expected: "x", actual: "y", error: null }));
    const stored = await reportTestResults(
      user.id,
      started.id,
      sql.id,
      { compileError: null, results, stdout: "", stderr: "", timedOut: false, ms: 40 },
      new Date(T0.getTime() + 62_000),
    );
    expect(stored).toEqual({ passed: 1, total: all.length, score: 1 / all.length });
  });
});
