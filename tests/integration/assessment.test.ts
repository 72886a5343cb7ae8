// The "Coding assessment (60 min)" format against the real bank: three algorithm problems, one of each difficulty,
// on a 60-minute strict clock, a different set for the next sitting.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
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
  it("asks three algorithm problems, one of each difficulty, in 60 strict minutes, and others next time", async () => {
    const user = await userFactory();
    const first = await startInterview(user.id, { company: "coding-assessment", mode: "strict" }, T0);
    expect(first.deadlineAt).toBe(new Date(T0.getTime() + 60 * 60_000).toISOString());
    const asked = await problemsOf(first.questions.map((q) => q.id));
    expect(asked.map((q) => [q.kind, q.topic.slug])).toEqual(Array(3).fill(["CODING", "algorithms"]));
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
});
