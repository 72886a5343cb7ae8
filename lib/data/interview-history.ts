import "server-only";
import { db } from "../db/client";
import { Prisma, type InterviewStatus } from "../generated/prisma/client";
import { isOverdue, SAVE_GRACE_MS } from "../interviews/clock";
import type { RunningInterview } from "../interviews/running";
import type { InterviewListQuery, InterviewSummary } from "../schemas/interviews";
import { finalize } from "./interviews";
import { decodeCursor, encodeCursor } from "./cursor";
import { interviewInclude } from "./interview-view";

/** The user's interviews, newest first; overdue ones are finalized on the way (a constant 2-4 queries). */
export async function listInterviews(
  userId: string,
  query: InterviewListQuery,
  now = new Date(),
): Promise<{ items: InterviewSummary[]; nextCursor: string | null }> {
  const overdue = await db().interview.findMany({
    where: { userId, status: "IN_PROGRESS", deadlineAt: { lt: new Date(now.getTime() - 2_000) } },
    include: interviewInclude,
  });
  for (const row of overdue)
    if (isOverdue(row, now)) await db().$transaction((tx) => finalize(tx, row, "EXPIRED", now));

  const cursor = query.cursor ? decodeCursor(query.cursor, "started") : null;
  const after = cursor ? { startedAt: new Date(cursor.key), id: cursor.slug } : null;
  const where: Prisma.InterviewWhereInput = {
    userId,
    ...(query.company ? { company: { slug: query.company } } : {}),
    ...(query.status ? { status: query.status.toUpperCase() as InterviewStatus } : {}),
    ...(after
      ? { OR: [{ startedAt: { lt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] }
      : {}),
  };
  const rows = await db().interview.findMany({
    where,
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: query.limit + 1,
    include: { company: { select: { slug: true, name: true } }, _count: { select: { questions: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // How many were answered, beside each score (the score leaves skipped questions out).
  const answered = page.length
    ? await db().interviewQuestion.groupBy({
        by: ["interviewId"],
        where: { interviewId: { in: page.map((r) => r.id) }, answeredAt: { not: null } },
        _count: { _all: true },
      })
    : [];
  const answeredBy = new Map(answered.map((a) => [a.interviewId, a._count._all]));
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status.toLowerCase() as InterviewSummary["status"],
      mode: r.mode.toLowerCase() as InterviewSummary["mode"],
      title: r.title || r.company?.name || "Practice interview",
      company: r.company,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
      deadlineAt: r.deadlineAt?.toISOString() ?? null,
      durationSeconds: r.endedAt ? Math.round((r.endedAt.getTime() - r.startedAt.getTime()) / 1000) : null,
      score: r.score,
      questionCount: r._count.questions,
      answeredCount: answeredBy.get(r.id) ?? 0,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ mode: "started", key: last.startedAt.getTime(), slug: last.id })
        : null,
  };
}

/**
 * The user's running interviews, newest first, for the header and the dashboard: one indexed read (the partial
 * index of running interviews). One past its deadline is left out: it has ended, and is finalized when next read.
 */
export async function listRunningInterviews(userId: string, now = new Date()): Promise<RunningInterview[]> {
  const rows = await db().interview.findMany({
    where: {
      userId,
      status: "IN_PROGRESS",
      OR: [{ deadlineAt: null }, { deadlineAt: { gte: new Date(now.getTime() - SAVE_GRACE_MS) } }],
    },
    orderBy: { startedAt: "desc" },
    take: 10,
    select: {
      id: true,
      title: true,
      mode: true,
      startedAt: true,
      deadlineAt: true,
      company: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title || r.company?.name || "Practice interview",
    mode: r.mode.toLowerCase() as RunningInterview["mode"],
    startedAt: r.startedAt.toISOString(),
    deadlineAt: r.deadlineAt?.toISOString() ?? null,
  }));
}
