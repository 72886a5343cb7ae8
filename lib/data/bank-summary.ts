import "server-only";
import { sharedCache } from "../cache";
import { db } from "../db/client";
import { env } from "../env";

/** What the bank holds, as the landing page tells a visitor: counts, the topics, and a question to try. */
export type BankSummary = {
  questions: number;
  /** Coding problems of both languages; `sqlProblems` of them in SQL. */
  codingProblems: number;
  sqlProblems: number;
  companies: number;
  topics: { slug: string; name: string; questionCount: number }[];
  /** A written question a signed-out visitor can open: the easiest of the first topic. */
  sample: { slug: string; title: string; topic: string } | null;
};

const summaryCache = sharedCache<BankSummary>("bank-summary", {
  ttlMs: () => env().CONTENT_CACHE_SECONDS * 1000,
  max: 1,
});

export function getBankSummary(): Promise<BankSummary> {
  return summaryCache.get("summary", loadSummary);
}

async function loadSummary(): Promise<BankSummary> {
  const [counts, topics, sample] = await Promise.all([
    db().$queryRaw<{ questions: number; coding: number; sql: number; companies: number }[]>`
      select count(*) filter (where q.kind = 'WRITTEN')::int as questions,
             count(*) filter (where q.kind = 'CODING')::int as coding,
             count(*) filter (where c.language = 'SQL')::int as sql,
             (select count(*)::int from "CompanyProfile") as companies
      from "Question" q left join "CodingProblem" c on c."questionId" = q.id
      where q."archivedAt" is null`,
    db().$queryRaw<{ slug: string; name: string; questionCount: number }[]>`
      select t.slug, t.name, count(q.id)::int as "questionCount"
      from "Topic" t join "Question" q on q."topicId" = t.id and q."archivedAt" is null
      group by t.id order by t."order", t.slug`,
    db().$queryRaw<{ slug: string; title: string; topic: string }[]>`
      select q.slug, q.title, t.name as topic
      from "Question" q join "Topic" t on t.id = q."topicId"
      where q."archivedAt" is null and q.kind = 'WRITTEN'
      order by t."order", q.difficulty, q.slug limit 1`,
  ]);
  const row = counts[0] ?? { questions: 0, coding: 0, sql: 0, companies: 0 };
  return {
    questions: row.questions,
    codingProblems: row.coding,
    sqlProblems: row.sql,
    companies: row.companies,
    topics,
    sample: sample[0] ?? null,
  };
}
