import "server-only";
// "Report a problem" (issue #24): a signed-in user tells the admins what is wrong with a question; an admin
// resolves or dismisses it with a reply, which the reporter reads on the question page. One open report per
// user and question (a partial unique index), and a per-account rate limit only its owner can use up.
import { keys, rules } from "../auth/rate-limit-rules";
import { db } from "../db/client";
import { rowCount } from "../db/prisma-client";
import { isUniqueViolation } from "../db/errors";
import { Prisma, type ReportReason, type ReportStatus } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import type {
  AdminReportView,
  ReportReasonName,
  ReportView,
  closeReportSchema,
  createReportSchema,
} from "../schemas/reports";
import type { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";
import { recordHit } from "./rate-limits";

type ReportRow = {
  id: string;
  reason: ReportReason;
  details: string;
  status: ReportStatus;
  reply: string | null;
  createdAt: Date;
  closedAt: Date | null;
};

export function reportView(row: ReportRow): ReportView {
  return {
    id: row.id,
    reason: row.reason.toLowerCase() as ReportReasonName,
    details: row.details,
    status: row.status.toLowerCase() as ReportView["status"],
    reply: row.reply,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Sends a report on the live question `slug`. 404 for no such question, 409 while one of the user's is open. */
export async function createReport(
  userId: string,
  slug: string,
  input: z.infer<typeof createReportSchema>,
): Promise<ReportView> {
  const question = await db().question.findFirst({ where: { slug, archivedAt: null }, select: { id: true } });
  if (!question) throw new AppError("NOT_FOUND", "No such question.");
  const open = await openReport(userId, question.id);
  if (open) throw alreadyOpen(open);
  const hit = await recordHit(keys.reportUser(userId), rules.reportUser);
  if (hit.count > rules.reportUser.limit) {
    throw new AppError(
      "RATE_LIMITED",
      `You have sent many reports this hour. Try again in ${minutes(hit.retryAfter)} minutes.`,
      { retryAfter: hit.retryAfter },
    );
  }
  try {
    const row = await db().report.create({
      data: {
        userId,
        questionId: question.id,
        reason: input.reason.toUpperCase() as ReportReason,
        details: input.details,
      },
    });
    return reportView(row);
  } catch (error) {
    // Two sends at once: the partial unique index keeps one.
    if (!isUniqueViolation(error)) throw error;
    const kept = await openReport(userId, question.id);
    throw kept ? alreadyOpen(kept) : error;
  }
}

async function openReport(userId: string, questionId: string): Promise<ReportView | null> {
  const row = await db().report.findFirst({ where: { userId, questionId, status: "OPEN" } });
  return row ? reportView(row) : null;
}

const alreadyOpen = (report: ReportView) =>
  new AppError("CONFLICT", "You already reported a problem with this question; the reply will show here.", {
    extra: { report },
  });

type AdminRow = ReportRow & {
  slug: string;
  title: string;
  archived: boolean;
  reporter: string;
  closed_by: string | null;
};

/**
 * The admin queue: open reports oldest first (the longest waiting at the top), or closed ones latest first.
 * Keyset pages; `open` counts every open report.
 */
export async function listReports(query: { status: "open" | "closed"; cursor?: string; limit: number }) {
  const open = query.status === "open";
  const cursor = query.cursor ? decodeCursor(query.cursor, "reported") : null;
  const at = open ? Prisma.sql`r."createdAt"` : Prisma.sql`r."closedAt"`;
  const after = cursor
    ? open
      ? Prisma.sql`and (r."createdAt", r.id) > (${new Date(cursor.key)}, ${cursor.slug}::uuid)`
      : Prisma.sql`and (r."closedAt", r.id) < (${new Date(cursor.key)}, ${cursor.slug}::uuid)`
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db().$queryRaw<AdminRow[]>`
      select r.id, r.reason, r.details, r.status, r.reply, r."createdAt", r."closedAt",
             q.slug, q.title, q."archivedAt" is not null as archived,
             coalesce(nullif(u.name, ''), u.email) as reporter, coalesce(nullif(c.name, ''), c.email) as closed_by
      from "Report" r
      join "Question" q on q.id = r."questionId"
      join "User" u on u.id = r."userId"
      left join "User" c on c.id = r."closedById"
      where ${open ? Prisma.sql`r.status = 'OPEN'` : Prisma.sql`r.status <> 'OPEN'`} ${after}
      order by ${at} ${open ? Prisma.sql`asc` : Prisma.sql`desc`}, r.id ${open ? Prisma.sql`asc` : Prisma.sql`desc`}
      limit ${rowCount(query.limit + 1)}`,
    db().report.count({ where: { status: "OPEN" } }),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const lastAt = last ? (open ? last.createdAt : last.closedAt) : null;
  return {
    items: page.map(adminView),
    nextCursor:
      rows.length > query.limit && last && lastAt
        ? encodeCursor({ mode: "reported", key: lastAt.getTime(), slug: last.id })
        : null,
    open: counted,
  };
}

function adminView(row: AdminRow): AdminReportView {
  return {
    ...reportView(row),
    question: { slug: row.slug, title: row.title, archived: row.archived },
    reporter: row.reporter,
    closedBy: row.closed_by,
  };
}

/** Open reports: the count the admin area shows. */
export function openReportCount(): Promise<number> {
  return db().report.count({ where: { status: "OPEN" } });
}

/**
 * Closes an open report with the admin's reply. A report another admin closed meanwhile is a 409 carrying it as
 * it is now (the reply the reporter already sees is never overwritten).
 */
export async function closeReport(
  adminId: string,
  id: string,
  input: z.infer<typeof closeReportSchema>,
): Promise<ReportView> {
  const closed = await db().report.updateManyAndReturn({
    where: { id, status: "OPEN" },
    data: {
      status: input.status.toUpperCase() as ReportStatus,
      reply: input.reply,
      closedById: adminId,
      closedAt: new Date(),
    },
  });
  if (closed[0]) return reportView(closed[0]);
  const current = await db().report.findUnique({ where: { id } });
  if (!current) throw new AppError("NOT_FOUND", "No such report.");
  throw new AppError("CONFLICT", "This report was already closed.", { extra: { report: reportView(current) } });
}
