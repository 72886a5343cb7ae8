import "server-only";
// Topics and interview formats edited in the admin area (issue #24). Each save names the `updatedAt` it loaded;
// another admin's save in between makes it a 409 carrying the row as it is now. A saved row is marked
// (`editedAt`), so the seed keeps the app's version until seed/ says the same (seed/bank.ts).
import { clearContentCaches } from "../cache";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { Prisma, type CompanyProfile, type Topic } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import type { AdminFormat, AdminTopic, ContentRevisionView } from "../schemas/content-admin";
import { companyContentSchema, topicSchema, type CompanyContent, type TopicContent } from "../schemas/content";
import { canonicalJson } from "../content/canonical-json";

export async function listAdminTopics(): Promise<AdminTopic[]> {
  const rows = await db().$queryRaw<(Topic & { questionCount: number })[]>`
    select t.*, count(q.id)::int as "questionCount"
    from "Topic" t left join "Question" q on q."topicId" = t.id and q."archivedAt" is null
    group by t.id order by t."order", t.slug`;
  return rows.map(topicView);
}

function topicView(row: Topic & { questionCount?: number }): AdminTopic {
  return {
    slug: row.slug,
    name: row.name,
    order: row.order,
    questionCount: row.questionCount ?? 0,
    updatedAt: row.updatedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

export async function createTopic(authorId: string, input: TopicContent): Promise<AdminTopic> {
  try {
    const row = await db().$transaction(async (tx) => {
      const created = await tx.topic.create({ data: { ...input, editedAt: new Date() } });
      await tx.contentRevision.create({
        data: {
          kind: "topic",
          key: created.slug,
          number: 1,
          reason: "Created",
          snapshot: topicSnapshot(created),
          authorId,
        },
      });
      return created;
    });
    clearContentCaches();
    return topicView(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A topic with this slug exists already.", {
        fields: { slug: ["A topic with this slug exists already."] },
      });
    throw error;
  }
}

export async function saveTopic(
  adminId: string,
  slug: string,
  input: { name: string; order: number; updatedAt: string; reason: string },
): Promise<AdminTopic> {
  const { updatedAt, reason, ...data } = input;
  const saved = await db().$transaction(async (tx) => {
    const row = await lockedRow(tx, "topic", slug);
    if (row.updatedAt.toISOString() !== updatedAt)
      throw new AppError("CONFLICT", "Someone saved this topic after you opened it.", {
        extra: { current: topicView(row as Topic) },
      });
    const after = await tx.topic.update({ where: { slug }, data: { ...data, editedAt: new Date() } });
    await recordRevision(
      tx,
      "topic",
      slug,
      topicSnapshot(row as Topic),
      topicSnapshot(after),
      adminId,
      reason || "Edited",
    );
    return after;
  });
  clearContentCaches();
  return topicView(saved);
}

function formatView(row: CompanyProfile): AdminFormat {
  return {
    slug: row.slug,
    name: row.name,
    description: row.description,
    durationMinutes: row.durationMinutes,
    questionCount: row.questionCount,
    topicWeights: row.topicWeights as Record<string, number>,
    difficultyMix: row.difficultyMix as AdminFormat["difficultyMix"],
    codingProblems: row.codingProblems,
    styleNotes: row.styleNotes,
    updatedAt: row.updatedAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

export async function listAdminFormats(): Promise<AdminFormat[]> {
  return (await db().companyProfile.findMany({ orderBy: { name: "asc" } })).map(formatView);
}

export async function adminFormat(slug: string): Promise<AdminFormat | null> {
  const row = await db().companyProfile.findUnique({ where: { slug } });
  return row ? formatView(row) : null;
}

export async function saveFormat(
  adminId: string,
  slug: string,
  input: Omit<CompanyContent, "slug"> & { updatedAt: string; reason: string },
): Promise<AdminFormat> {
  const { updatedAt, reason, ...data } = input;
  const known = new Set((await db().topic.findMany({ select: { slug: true } })).map((t) => t.slug));
  const unknown = Object.keys(data.topicWeights).filter((topic) => !known.has(topic));
  if (unknown.length)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { topicWeights: [`No such topic: ${unknown.join(", ")}.`] },
    });
  const saved = await db().$transaction(async (tx) => {
    const row = (await lockedRow(tx, "format", slug)) as CompanyProfile;
    if (row.updatedAt.toISOString() !== updatedAt)
      throw new AppError("CONFLICT", "Someone saved this interview format after you opened it.", {
        extra: { current: formatView(row) },
      });
    const after = await tx.companyProfile.update({ where: { slug }, data: { ...data, editedAt: new Date() } });
    await recordRevision(tx, "format", slug, formatSnapshot(row), formatSnapshot(after), adminId, reason || "Edited");
    return after;
  });
  clearContentCaches();
  return formatView(saved);
}

type Kind = "topic" | "format";
type Tx = Prisma.TransactionClient;

const topicSnapshot = (row: Topic) => ({ name: row.name, order: row.order });
const formatSnapshot = (row: CompanyProfile) => ({
  name: row.name,
  description: row.description,
  durationMinutes: row.durationMinutes,
  questionCount: row.questionCount,
  topicWeights: row.topicWeights,
  difficultyMix: row.difficultyMix,
  codingProblems: row.codingProblems,
  styleNotes: row.styleNotes,
});

/** The row, locked for the rest of the transaction; 404 when there is none. */
async function lockedRow(tx: Tx, kind: Kind, slug: string): Promise<Topic | CompanyProfile> {
  const table = kind === "topic" ? Prisma.raw('"Topic"') : Prisma.raw('"CompanyProfile"');
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from ${table} where slug = ${slug} for update`;
  if (!locked[0]) throw new AppError("NOT_FOUND", kind === "topic" ? "No such topic." : "No such interview format.");
  return kind === "topic"
    ? tx.topic.findUniqueOrThrow({ where: { slug } })
    : tx.companyProfile.findUniqueOrThrow({ where: { slug } });
}

/** Records the change; first the state before it when the history does not end there (the first edit, or the seed). */
async function recordRevision(
  tx: Tx,
  kind: Kind,
  key: string,
  before: object,
  after: object,
  authorId: string | null,
  reason: string,
): Promise<void> {
  const latest = await tx.contentRevision.findFirst({ where: { kind, key }, orderBy: { number: "desc" } });
  let number = latest?.number ?? 0;
  if (!latest || canonicalJson(latest.snapshot) !== canonicalJson(before)) {
    number += 1;
    await tx.contentRevision.create({
      data: {
        kind,
        key,
        number,
        reason: latest ? "Changed outside the admin area (npm run seed)" : "As it was before its first edit here",
        snapshot: before,
      },
    });
  }
  await tx.contentRevision.create({ data: { kind, key, number: number + 1, authorId, reason, snapshot: after } });
}

/** The latest revisions of one topic or format (`key`), or of every topic or format, newest first. */
export async function contentHistory(kind: Kind, key?: string, take = 50): Promise<ContentRevisionView[]> {
  const rows = await db().contentRevision.findMany({
    where: { kind, ...(key ? { key } : {}) },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
    take,
    include: { author: { select: { name: true, email: true } } },
  });
  const previous = await db().contentRevision.findMany({
    where: { OR: rows.map((r) => ({ kind, key: r.key, number: r.number - 1 })) },
    select: { key: true, number: true, snapshot: true },
  });
  const before = new Map(previous.map((p) => [`${p.key} ${p.number}`, p.snapshot as Record<string, unknown>]));
  return rows.map((row) => {
    const after = row.snapshot as Record<string, unknown>;
    const prior = before.get(`${row.key} ${row.number - 1}`);
    return {
      key: row.key,
      number: row.number,
      author: row.author ? row.author.name || row.author.email : null,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
      changed: prior ? Object.keys(after).filter((k) => canonicalJson(after[k]) !== canonicalJson(prior[k])) : [],
      snapshot: after,
      ...(prior ? { previous: prior } : {}),
    };
  });
}

/** Makes an earlier revision the row's fields again, as a new revision (checked with the loader's rules again). */
export async function restoreContentRevision(
  adminId: string,
  kind: Kind,
  key: string,
  number: number,
  updatedAt: string,
): Promise<AdminTopic | AdminFormat> {
  const stored = await db().contentRevision.findUnique({ where: { kind_key_number: { kind, key, number } } });
  if (!stored) throw new AppError("NOT_FOUND", "No such revision.");
  const reason = `Restored revision ${number}`;
  if (kind === "topic") {
    const parsed = topicSchema.pick({ name: true, order: true }).safeParse(stored.snapshot);
    if (!parsed.success) throw new AppError("CONFLICT", "This revision no longer passes the content rules.");
    return saveTopic(adminId, key, { ...parsed.data, updatedAt, reason });
  }
  const parsed = companyContentSchema.omit({ slug: true }).safeParse(stored.snapshot);
  if (!parsed.success) throw new AppError("CONFLICT", "This revision no longer passes the content rules.");
  return saveFormat(adminId, key, { ...parsed.data, updatedAt, reason });
}
