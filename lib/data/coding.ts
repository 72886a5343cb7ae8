import "server-only";
// Coding questions in interviews: the tests a finished interview's answers are run against (in the user's
// browser), and the reports that come back. The server cannot check a report (the code ran on the
// client), so it stores it labelled self-reported; it checks only that the report fits the problem.
import { db } from "../db/client";
import { AppError } from "../http/errors";
import type { Prisma } from "../generated/prisma/client";
import { isUnanswered } from "../interviews/unanswered";
import { testsOf, type CodeLanguage, type ReportTestsInput, type StoredTestResults } from "../schemas/coding";
import { loadInterview, notFound } from "./interviews";
import { runningTimedInterview } from "./withheld";

const notEnded = () => new AppError("CONFLICT", "Finish the interview first: the hidden tests run once it has ended.");
const languageOf = (stored: "PYTHON" | "SQL"): CodeLanguage => (stored === "SQL" ? "sql" : "python");
const tests = (stored: "PYTHON" | "SQL", value: Prisma.JsonValue) => testsOf(languageOf(stored), value);

async function endedInterview(userId: string, interviewId: string, now: Date) {
  const interview = await loadInterview(userId, interviewId, now); // 404 for others' ids; expires if overdue
  if (interview.status === "IN_PROGRESS") throw notEnded();
  if (interview.status === "ABANDONED") throw new AppError("CONFLICT", "An abandoned interview is not scored.");
  return interview;
}

/**
 * The code of each coding answer and every test of its problem, visible then hidden: only for the user's own
 * interview once it has ended, so hidden tests never reach the browser while they could help.
 */
export async function getInterviewTests(userId: string, interviewId: string, now = new Date()) {
  const interview = await endedInterview(userId, interviewId, now);
  // Not the questions a running timed interview asks (lib/data/withheld.ts): their hidden tests wait for its end.
  const running = await runningTimedInterview(userId, now);
  const rows = await db().interviewQuestion.findMany({
    where: {
      interviewId: interview.id,
      question: { kind: "CODING" },
      questionId: { notIn: [...(running?.questionIds ?? [])] },
    },
    orderBy: { position: "asc" },
    select: {
      questionId: true,
      content: true,
      question: { select: { coding: { select: { language: true, visibleTests: true, hiddenTests: true } } } },
    },
  });
  return {
    questions: rows
      .filter((r) => r.question.coding)
      .map((r) => {
        const coding = r.question.coding!;
        return {
          questionId: r.questionId,
          code: r.content,
          language: languageOf(coding.language),
          visibleTests: tests(coding.language, coding.visibleTests),
          hiddenTests: tests(coding.language, coding.hiddenTests),
        };
      }),
  };
}

/** Stores the browser's report for one coding answer, scores it (share of tests passed) and re-scores the interview. */
export async function reportTestResults(
  userId: string,
  interviewId: string,
  questionId: string,
  input: ReportTestsInput,
  now = new Date(),
) {
  const interview = await endedInterview(userId, interviewId, now);
  const answer = await db().interviewQuestion.findUnique({
    where: { interviewId_questionId: { interviewId: interview.id, questionId } },
    select: {
      id: true,
      content: true,
      question: { select: { coding: { select: { language: true, visibleTests: true, hiddenTests: true } } } },
    },
  });
  if (!answer) throw notFound();
  const coding = answer.question.coding;
  if (!coding) throw new AppError("VALIDATION", "This question has no tests to report.");
  // A skipped question stays unanswered: a report on blank code would turn it into a zero.
  if (isUnanswered(answer.content))
    throw new AppError("CONFLICT", "This question was not answered: there is no code to score.");
  const visible = tests(coding.language, coding.visibleTests);
  const expected = [...visible, ...tests(coding.language, coding.hiddenTests)].map((t) => t.name);
  // A compile error runs no test; otherwise the report must name every test, in order.
  const fits = input.compileError
    ? input.results.length === 0 || input.results.length === expected.length
    : input.results.length === expected.length;
  if (!fits || input.results.some((r, i) => r.name !== expected[i])) {
    throw new AppError("VALIDATION", "The report does not match this problem's tests.", {
      fields: { results: [`Expected the ${expected.length} tests: ${expected.join(", ")}.`] },
    });
  }
  const results = input.results.map((r, i) => ({ ...r, hidden: i >= visible.length }));
  const passed = results.filter((r) => r.passed).length;
  const stored: StoredTestResults = {
    ...input,
    results,
    passed,
    total: expected.length,
    reportedAt: now.toISOString(),
    selfReported: true,
  };
  const score = passed / expected.length;

  await db().$transaction(async (tx) => {
    await tx.interviewQuestion.update({
      where: { id: answer.id },
      data: { testResults: stored, testResultsAt: now, score },
    });
    const scores = await tx.interviewQuestion.findMany({
      where: { interviewId: interview.id, score: { not: null } },
      select: { score: true },
    });
    const total = scores.length ? scores.reduce((sum, s) => sum + s.score!, 0) / scores.length : null;
    await tx.interview.update({ where: { id: interview.id }, data: { score: total } });
  });
  return { passed, total: expected.length, score };
}

/** What practising a problem on its question page needs: never the hidden tests (they belong to interviews). */
export async function getPracticeProblem(slug: string) {
  const row = await db().codingProblem.findFirst({
    where: { question: { slug } },
    select: { language: true, starterCode: true, solution: true, visibleTests: true },
  });
  return row
    ? {
        language: languageOf(row.language),
        starterCode: row.starterCode,
        solution: row.solution,
        visibleTests: tests(row.language, row.visibleTests),
      }
    : null;
}
