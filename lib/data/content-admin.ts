import "server-only";
// Topics and interview formats edited in the admin area (issue #24). Each save names the `updatedAt` it loaded;
// another admin's save in between makes it a 409 carrying the row as it is now. A saved row is marked
// (`editedAt`), so the seed keeps the app's version until seed/ says the same (seed/bank.ts).
import { clearContentCaches } from "../cache";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { CompanyProfile, Topic } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import type { AdminFormat, AdminTopic } from "../schemas/content-admin";
import type { CompanyContent, TopicContent } from "../schemas/content";

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

export async function createTopic(input: TopicContent): Promise<AdminTopic> {
  try {
    const row = await db().topic.create({ data: { ...input, editedAt: new Date() } });
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
  slug: string,
  input: { name: string; order: number; updatedAt: string },
): Promise<AdminTopic> {
  const { updatedAt, ...data } = input;
  const saved = await db().topic.updateManyAndReturn({
    where: { slug, updatedAt: new Date(updatedAt) },
    data: { ...data, editedAt: new Date() },
  });
  if (saved[0]) {
    clearContentCaches();
    return topicView(saved[0]);
  }
  const current = await db().topic.findUnique({ where: { slug } });
  if (!current) throw new AppError("NOT_FOUND", "No such topic.");
  throw new AppError("CONFLICT", "Someone saved this topic after you opened it.", {
    extra: { current: topicView(current) },
  });
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
  slug: string,
  input: Omit<CompanyContent, "slug"> & { updatedAt: string },
): Promise<AdminFormat> {
  const { updatedAt, ...data } = input;
  const known = new Set((await db().topic.findMany({ select: { slug: true } })).map((t) => t.slug));
  const unknown = Object.keys(data.topicWeights).filter((topic) => !known.has(topic));
  if (unknown.length)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { topicWeights: [`No such topic: ${unknown.join(", ")}.`] },
    });
  const saved = await db().companyProfile.updateManyAndReturn({
    where: { slug, updatedAt: new Date(updatedAt) },
    data: { ...data, editedAt: new Date() },
  });
  if (saved[0]) {
    clearContentCaches();
    return formatView(saved[0]);
  }
  const current = await db().companyProfile.findUnique({ where: { slug } });
  if (!current) throw new AppError("NOT_FOUND", "No such interview format.");
  throw new AppError("CONFLICT", "Someone saved this interview format after you opened it.", {
    extra: { current: formatView(current) },
  });
}
