import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import { Prisma, type InterviewStatus } from "../generated/prisma/client";
import { deadlineFor, isOverdue, type Mode } from "../interviews/clock";
import { selectQuestions, type Candidate, type History } from "../interviews/selection";
import type { InterviewView, StartInterviewInput } from "../schemas/interviews";
import { interviewInclude, scoreAnswers, toView, type InterviewRow } from "./interview-view";

type Tx = Prisma.TransactionClient;
export const notFound = () => new AppError("NOT_FOUND", "No such interview.");

/** Ends an interview: scores every answer and the whole, in one transaction with the status change. */
export async function finalize(tx: Tx, row: InterviewRow, status: InterviewStatus, now: Date): Promise<void> {
  const scored = status === "ABANDONED" ? null : scoreAnswers(row);
  for (const item of scored?.items ?? []) {
    await tx.interviewQuestion.update({ where: { id: item.id }, data: { coverage: item.coverage, score: item.score } });
  }
  // Only the first finalizer wins; a concurrent one finds the status already changed.
  await tx.interview.updateMany({
    where: { id: row.id, status: "IN_PROGRESS" },
    data: { status, endedAt: status === "EXPIRED" && row.deadlineAt ? row.deadlineAt : now, score: scored?.total ?? null },
  });
}

/** The user's interview, finalized first if its time ran out while nobody was looking. */
export async function loadInterview(userId: string, id: string, now: Date): Promise<InterviewRow> {
  const row = await db().interview.findFirst({ where: { id, userId }, include: interviewInclude });
  if (!row) throw notFound();
  if (!isOverdue(row, now)) return row;
  await db().$transaction((tx) => finalize(tx, row, "EXPIRED", now));
  return db().interview.findFirstOrThrow({ where: { id, userId }, include: interviewInclude });
}

export async function getInterview(userId: string, id: string, now = new Date()): Promise<InterviewView> {
  return toView(await loadInterview(userId, id, now), now);
}

async function candidatesFor(topics: string[]): Promise<Candidate[]> {
  const rows = await db().question.findMany({
    where: { archivedAt: null, topic: { slug: { in: topics } } },
    select: { id: true, difficulty: true, kind: true, topic: { select: { slug: true } } },
  });
  return rows.map((r) => ({ id: r.id, topic: r.topic.slug, difficulty: r.difficulty.toLowerCase() as Candidate["difficulty"], kind: r.kind.toLowerCase() as Candidate["kind"] }));
}

async function historyOf(userId: string): Promise<History> {
  const rows = await db().interviewQuestion.groupBy({ by: ["questionId"], where: { interview: { userId } }, _max: { score: true } });
  return new Map(rows.map((r) => [r.questionId, { bestScore: r._max.score }]));
}

export async function startInterview(userId: string, input: StartInterviewInput, now = new Date()): Promise<InterviewView> {
  const company = await db().companyProfile.findUnique({ where: { slug: input.company } });
  if (!company) throw new AppError("VALIDATION", "Some fields are invalid.", { fields: { company: ["No company profile with that slug."] } });

  const running = await db().interview.findFirst({ where: { userId, companyId: company.id, status: "IN_PROGRESS" }, include: interviewInclude });
  if (running) {
    if (isOverdue(running, now)) await db().$transaction((tx) => finalize(tx, running, "EXPIRED", now));
    else throw new AppError("CONFLICT", `You already have a ${company.name} interview in progress. Resume it or abandon it first.`, { extra: { inProgress: { id: running.id } } });
  }

  const weights = company.topicWeights as Record<string, number>;
  const focus = input.topics?.length ? input.topics : undefined;
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { timeMultiplier: true } });
  const multiplier = input.mode === "extended" ? (input.timeMultiplier ?? (user.timeMultiplier > 1 ? user.timeMultiplier : 1.5)) : 1;
  const seed = crypto.randomInt(0, 2 ** 31 - 1);
  const [candidates, history] = await Promise.all([candidatesFor(focus ?? Object.keys(weights)), historyOf(userId)]);
  const ids = selectQuestions({
    candidates, history, seed, topicFocus: focus, questionCount: company.questionCount, codingProblems: company.codingProblems,
    topicWeights: weights, difficultyMix: company.difficultyMix as Record<Candidate["difficulty"], number>,
  });
  if (!ids.length) throw new AppError("VALIDATION", "Some fields are invalid.", { fields: { topics: ["The bank has no questions for this choice."] } });

  try {
    const created = await db().interview.create({
      data: {
        userId, companyId: company.id, mode: input.mode.toUpperCase() as Uppercase<Mode>, seed, topicFocus: focus ?? [],
        timeMultiplier: multiplier, startedAt: now, deadlineAt: deadlineFor(input.mode, company.durationMinutes, multiplier, now),
        questions: { create: ids.map((questionId, position) => ({ questionId, position })) },
      },
      include: interviewInclude,
    });
    return toView(created, now);
  } catch (error) {
    // Two starts at once: the partial unique index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `You already have a ${company.name} interview in progress. Resume it or abandon it first.`);
    }
    throw error;
  }
}

export async function endInterview(userId: string, id: string, how: "finish" | "abandon", now = new Date()): Promise<InterviewView> {
  const row = await loadInterview(userId, id, now);
  if (row.status === "IN_PROGRESS") await db().$transaction((tx) => finalize(tx, row, how === "finish" ? "FINISHED" : "ABANDONED", now));
  return getInterview(userId, id, now);
}
