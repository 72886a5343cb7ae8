import "server-only";
import { db } from "../db/client";
import type { CompanyDetail } from "../schemas/questions";

const listFields = {
  slug: true,
  name: true,
  description: true,
  durationMinutes: true,
  questionCount: true,
  codingProblems: true,
} as const;

export function listCompanies() {
  return db().companyProfile.findMany({ select: listFields, orderBy: { name: "asc" } });
}

export async function getCompany(slug: string): Promise<CompanyDetail | null> {
  const company = await db().companyProfile.findUnique({ where: { slug } });
  if (!company) return null;
  const weights = company.topicWeights as Record<string, number>;
  const [topics, linked] = await Promise.all([
    db().$queryRaw<{ slug: string; name: string; questionCount: number }[]>`
      select t.slug, t.name, count(q.id)::int as "questionCount"
      from "Topic" t left join "Question" q on q."topicId" = t.id and q."archivedAt" is null
      where t.slug = any(${Object.keys(weights)}::text[])
      group by t.id`,
    db().questionCompany.count({ where: { companyId: company.id, question: { archivedAt: null } } }),
  ]);
  return {
    slug: company.slug,
    name: company.name,
    description: company.description,
    durationMinutes: company.durationMinutes,
    questionCount: company.questionCount,
    codingProblems: company.codingProblems,
    styleNotes: company.styleNotes,
    difficultyMix: company.difficultyMix as CompanyDetail["difficultyMix"],
    topics: topics
      .map((t) => ({ ...t, weight: weights[t.slug] ?? 0 }))
      .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name)),
    bankQuestions: linked,
  };
}
