import "server-only";
// Turns interview rows into the API/page shape, and computes the review (coverage, scores) at the end.
import type { Prisma } from "../generated/prisma/client";
import { lower } from "../db/enums";
import { readCoverage } from "../scoring/coverage";
import { scoredPoints } from "../scoring/derive";
import { keyPointCoverage } from "../scoring/match";
import { interviewTotal, isUnanswered } from "../interviews/unanswered";
import type { InterviewView } from "../schemas/interviews";
import type { CodeTest, StoredTestResults } from "../schemas/coding";

export const interviewInclude = {
  company: { select: { slug: true, name: true } },
  questions: {
    orderBy: { position: "asc" },
    include: {
      question: {
        select: {
          slug: true,
          title: true,
          prompt: true,
          kind: true,
          modelAnswer: true,
          keyPoints: true,
          difficulty: true,
          topic: { select: { name: true } },
          coding: { select: { language: true, starterCode: true, visibleTests: true } },
        },
      },
    },
  },
} satisfies Prisma.InterviewInclude;

export type InterviewRow = Prisma.InterviewGetPayload<{ include: typeof interviewInclude }>;

/**
 * Coverage and score for each answer, and their mean: what finishing an interview stores. A blank answer is
 * unanswered: no coverage, no score (not a zero), and the total leaves it out (lib/interviews/unanswered.ts).
 * A coding answer is scored by its tests instead (lib/data/coding.ts, once the browser reports them).
 */
/** `rubrics`: each question's stored rubric by id (read when the interview ends, not with every load). */
export function scoreAnswers(row: InterviewRow, rubrics: ReadonlyMap<string, unknown>) {
  const items = row.questions.map((q) => {
    if (isUnanswered(q.content))
      return { id: q.id, questionId: q.questionId, answered: false, coverage: null, score: null };
    if (q.question.kind === "CODING")
      return { id: q.id, questionId: q.questionId, answered: true, coverage: [], score: q.score };
    const { points, score } = keyPointCoverage(
      q.content,
      scoredPoints(q.question.keyPoints, rubrics.get(q.questionId)),
    );
    return {
      id: q.id,
      questionId: q.questionId,
      answered: true,
      coverage: points,
      score: q.question.keyPoints.length ? score : null,
    };
  });
  return { items, total: interviewTotal(items).score };
}

/**
 * The page/API shape. `withheld`: ids of questions the user's running timed interview asks; an ended
 * interview's review leaves out their model answers, key points and coverage (lib/data/withheld.ts).
 */
export function toView(
  row: InterviewRow,
  now: Date,
  withheld: ReadonlySet<string> = new Set(),
  derived: ReadonlySet<string> = new Set(),
): InterviewView {
  const ended = row.status !== "IN_PROGRESS";
  const view: InterviewView = {
    id: row.id,
    status: lower(row.status),
    mode: lower(row.mode),
    title: row.title || row.company?.name || "Practice interview",
    company: row.company,
    startedAt: row.startedAt.toISOString(),
    deadlineAt: row.deadlineAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    score: row.score,
    currentQuestionId: row.currentQuestionId,
    questions: row.questions.map((q) => ({
      id: q.questionId,
      position: q.position,
      slug: q.question.slug,
      title: q.question.title,
      prompt: q.question.prompt,
      kind: lower(q.question.kind),
      topic: q.question.topic.name,
      flagged: q.flagged,
      coding: q.question.coding
        ? {
            language: lower(q.question.coding.language),
            starterCode: q.question.coding.starterCode,
            visibleTests: q.question.coding.visibleTests as CodeTest[],
          }
        : null,
    })),
    answers: row.questions.map((q) => ({
      questionId: q.questionId,
      content: q.content,
      revision: q.revision,
      updatedAt: q.updatedAt.toISOString(),
      lateContent: q.lateContent,
    })),
  };
  if (!ended) return view;

  const byTopic = new Map<string, { sum: number; questions: number }>();
  for (const q of row.questions) {
    if (q.score === null) continue;
    const entry = byTopic.get(q.question.topic.name) ?? { sum: 0, questions: 0 };
    entry.sum += q.score;
    entry.questions++;
    byTopic.set(q.question.topic.name, entry);
  }
  const answered = row.questions.filter((q) => !isUnanswered(q.content)).length;
  view.review = {
    score: row.score,
    answered,
    questions: row.questions.length,
    byTopic: [...byTopic].map(([topic, e]) => ({ topic, score: e.sum / e.questions, questions: e.questions })),
    items: row.questions.map((q) => ({
      questionId: q.questionId,
      withheld: withheld.has(q.questionId),
      skipped: isUnanswered(q.content),
      modelAnswer: withheld.has(q.questionId) ? "" : q.question.modelAnswer,
      keyPoints: withheld.has(q.questionId) ? [] : q.question.keyPoints,
      rubricDerived: derived.has(q.questionId),
      coverage: withheld.has(q.questionId) ? [] : readCoverage(q.coverage),
      score: q.score,
      rating: q.rating ? lower(q.rating) : null,
      timeSpentSeconds: q.timeSpentSeconds,
      flagged: q.flagged,
      difficulty: lower(q.question.difficulty),
      testResults: (q.testResults as StoredTestResults | null) ?? null,
    })),
  };
  return view;
}
