import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { endInterview, getInterview, setCurrentQuestion, startInterview } from "@/lib/data/interviews";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
});

const T0 = new Date("2026-03-01T09:00:00Z");

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "OK";
}

describe("the question the user has open", () => {
  it("is none at first, then the one last chosen, as every device reads the interview", async () => {
    const user = await userFactory();
    const interview = await startInterview(user.id, { company: "acme", mode: "strict" }, T0);
    expect(interview.currentQuestionId).toBeNull();
    const last = interview.questions.at(-1)!.id;
    expect(interview.questions.length).toBeGreaterThan(1);
    expect(await setCurrentQuestion(user.id, interview.id, last, T0)).toEqual({ questionId: last });
    expect((await getInterview(user.id, interview.id, T0)).currentQuestionId).toBe(last);
  });

  it("is not found for someone else's interview or a question the interview does not ask", async () => {
    const user = await userFactory();
    const interview = await startInterview(user.id, { company: "acme", mode: "practice" }, T0);
    const stranger = await userFactory();
    const first = interview.questions[0]!.id;
    expect(await codeOf(setCurrentQuestion(stranger.id, interview.id, first, T0))).toBe("NOT_FOUND");
    const other = await db().question.findFirstOrThrow({
      where: { id: { notIn: interview.questions.map((q) => q.id) } },
    });
    expect(await codeOf(setCurrentQuestion(user.id, interview.id, other.id, T0))).toBe("NOT_FOUND");
    expect((await getInterview(user.id, interview.id, T0)).currentQuestionId).toBeNull();
  });

  it("is no longer changed once the interview has ended", async () => {
    const user = await userFactory();
    const interview = await startInterview(user.id, { company: "acme", mode: "practice" }, T0);
    await endInterview(user.id, interview.id, "finish", T0);
    expect(await codeOf(setCurrentQuestion(user.id, interview.id, interview.questions[1]!.id, T0))).toBe("CONFLICT");
  });
});
