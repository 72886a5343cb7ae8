// Coding problems from seed to review: loaded idempotently, placed in interviews, hidden tests served only
// after the end, and the browser's reports validated, stored as self-reported and scored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAnswer } from "@/lib/data/answers";
import { getInterviewTests, getPracticeProblem, reportTestResults } from "@/lib/data/coding";
import { createSet } from "@/lib/data/sets";
import { endInterview, getInterview, startInterview, startSetInterview } from "@/lib/data/interviews";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

/** The fixture content plus one coding problem, with Acme asking for one of them. */
function contentWithProblem(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-coding-"));
  fs.cpSync(path.resolve("tests/fixtures/content"), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "problems"));
  fs.copyFileSync(
    path.resolve("tests/fixtures/problems/add-numbers.json"),
    path.join(dir, "problems/add-numbers.json"),
  );
  const companies = JSON.parse(fs.readFileSync(path.join(dir, "companies.json"), "utf8")) as {
    codingProblems: number;
    questionCount: number;
  }[];
  Object.assign(companies[0]!, { codingProblems: 1, questionCount: 3 });
  fs.writeFileSync(path.join(dir, "companies.json"), JSON.stringify(companies));
  return dir;
}

const T0 = new Date("2026-03-01T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
  );
const result = (name: string, passed: boolean) => ({
  name,
  passed,
  expected: "3",
  actual: passed ? "3" : "None",
  error: null,
});
const report = (passes: boolean[]) => ({
  compileError: null,
  results: ["small", "negative", "large"].map((name, i) => result(name, passes[i]!)),
  stdout: "",
  stderr: "",
});

let dir: string;
beforeAll(async () => {
  dir = contentWithProblem();
  await loadBank(db(), readContent(dir));
});

async function interviewWithCode(code: string) {
  const user = await userFactory();
  const interview = await startInterview(user.id, { company: "acme", mode: "strict" }, T0);
  const coding = interview.questions.find((q) => q.coding)!;
  if (code) await saveAnswer(user.id, interview.id, coding.id, { content: code, revision: 0 }, later(1));
  return { user, interview, coding };
}

describe("coding problems", () => {
  it("load as coding questions with their code and tests, and a second load changes nothing", async () => {
    const problem = await db().question.findUniqueOrThrow({
      where: { slug: "add-numbers" },
      include: { coding: true },
    });
    expect(problem.kind).toBe("CODING");
    expect(problem.coding?.hiddenTests).toHaveLength(2);
    const again = await loadBank(db(), readContent(dir));
    expect(again.questions).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.problems).toEqual({ created: 0, updated: 0 });
  });

  it("give the question page the visible tests and the solution, never the hidden tests", async () => {
    const practice = await getPracticeProblem("add-numbers");
    expect(practice?.visibleTests.map((t) => t.name)).toEqual(["small"]);
    expect(JSON.stringify(practice)).not.toContain("negative");
  });

  it("appear in an interview with starter code and visible tests only", async () => {
    const { user, interview, coding } = await interviewWithCode("");
    // The start's answer is built from the statement that wrote it: it must equal the interview read back.
    expect(interview).toEqual(await getInterview(user.id, interview.id, T0));
    expect(coding.coding).toEqual({
      language: "python",
      starterCode: "def add(a, b):\n    pass\n",
      visibleTests: [{ name: "small", call: "add(1, 2)", expected: "3" }],
    });
    expect(JSON.stringify(interview)).not.toContain("negative");
  });
});

describe("hidden tests and reports", () => {
  it("are refused while the interview runs, and for someone else's interview", async () => {
    const { user, interview, coding } = await interviewWithCode("def add(a, b):\n    return a + b\n");
    expect(await codeOf(getInterviewTests(user.id, interview.id, later(2)))).toBe("CONFLICT");
    expect(
      await codeOf(reportTestResults(user.id, interview.id, coding.id, report([true, true, true]), later(2))),
    ).toBe("CONFLICT");
    const stranger = await userFactory();
    await endInterview(user.id, interview.id, "finish", later(3));
    expect(await codeOf(getInterviewTests(stranger.id, interview.id, later(3)))).toBe("NOT_FOUND");
  });

  it("serve the saved code with every test once finished, and score the answer by the tests passed", async () => {
    const { user, interview, coding } = await interviewWithCode(
      "def add(a, b):\n    return a + b if a > 0 else None\n",
    );
    await endInterview(user.id, interview.id, "finish", later(3));
    const { questions } = await getInterviewTests(user.id, interview.id, later(3));
    expect(questions).toEqual([
      expect.objectContaining({ questionId: coding.id, code: expect.stringContaining("a > 0") }),
    ]);
    expect(questions[0]!.hiddenTests.map((t) => t.name)).toEqual(["negative", "large"]);

    expect(await reportTestResults(user.id, interview.id, coding.id, report([true, false, true]), later(4))).toEqual({
      passed: 2,
      total: 3,
      score: 2 / 3,
    });
    const view = await getInterview(user.id, interview.id, later(5));
    const item = view.review!.items.find((i) => i.questionId === coding.id)!;
    expect(item.score).toBeCloseTo(2 / 3);
    expect(item.coverage).toEqual([]);
    expect(item.testResults).toMatchObject({ selfReported: true, passed: 2, total: 3 });
    expect(item.testResults!.results.map((r) => r.hidden)).toEqual([false, true, true]);
    // The interview's score is the mean of its answers' scores, the written ones included.
    const scores = view.review!.items.map((i) => i.score).filter((s): s is number => s !== null);
    expect(view.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length);
  });

  it("refuse a report that does not match the problem's tests", async () => {
    const { user, interview, coding } = await interviewWithCode("def add(a, b):\n    return a + b\n");
    await endInterview(user.id, interview.id, "finish", later(3));
    const short = { ...report([true, true, true]), results: report([true, true, true]).results.slice(0, 2) };
    expect(await codeOf(reportTestResults(user.id, interview.id, coding.id, short, later(4)))).toBe("VALIDATION");
    const renamed = report([true, true, true]);
    renamed.results[1]!.name = "made up";
    expect(await codeOf(reportTestResults(user.id, interview.id, coding.id, renamed, later(4)))).toBe("VALIDATION");
    const written = interview.questions.find((q) => !q.coding)!;
    expect(
      await codeOf(reportTestResults(user.id, interview.id, written.id, report([true, true, true]), later(4))),
    ).toBe("VALIDATION");
  });

  it("are withheld from another interview of the user while a timed one asks the same problem", async () => {
    const { user, interview, coding } = await interviewWithCode("");
    // The same problem in a practice interview built from a set, finished while the strict one still runs.
    const set = await createSet(user.id, { name: "Peek", description: "", questions: ["add-numbers"] });
    const practice = await startSetInterview(user.id, set.id, later(1));
    await endInterview(user.id, practice.id, "finish", later(2));
    expect((await getInterviewTests(user.id, practice.id, later(3))).questions).toEqual([]);
    await endInterview(user.id, interview.id, "finish", later(4));
    const after = await getInterviewTests(user.id, practice.id, later(5));
    expect(after.questions.map((q) => q.questionId)).toEqual([coding.id]);
    expect(after.questions[0]!.hiddenTests).toHaveLength(2);
  });

  it("leave an empty coding answer unanswered when the interview ends, and refuse a report on it", async () => {
    const { user, interview, coding } = await interviewWithCode(" \n");
    const view = await endInterview(user.id, interview.id, "finish", later(3));
    expect(view.review!.items.find((i) => i.questionId === coding.id)).toMatchObject({ skipped: true, score: null });
    expect(
      await codeOf(reportTestResults(user.id, interview.id, coding.id, report([false, false, false]), later(5))),
    ).toBe("CONFLICT");
    expect(
      (await db().interviewQuestion.findFirstOrThrow({ where: { interviewId: interview.id, questionId: coding.id } }))
        .score,
    ).toBeNull();
  });
});
