import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { QuestionDetail, QuestionList, QuestionListItem, QuestionListQuery } from "../schemas/questions";
import { decodeCursor, encodeCursor } from "./cursor";

type Difficulty = "easy" | "medium" | "hard";
type Kind = "written" | "coding";

/** Words of the search box as a prefix query ("prefetch rel" -> prefetch:* & rel:*); null when there are none. */
export function toPrefixQuery(q: string | undefined): string | null {
  const words = q?.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? [];
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}

const MARK_START = "\u0002";
const MARK_END = "\u0003";

/** ts_headline output -> HTML: everything escaped, then only our own markers become <mark>. */
export function snippetHtml(raw: string): string {
  const escaped = raw
    .replace(/```\w*|[`*#>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return escaped.replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

type Dimension = "topic" | "difficulty" | "kind" | "company" | "tag";

function filters(query: QuestionListQuery, tsquery: string | null, except?: Dimension): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`q."archivedAt" is null`];
  if (query.topic && except !== "topic") parts.push(Prisma.sql`t.slug = ${query.topic}`);
  if (query.difficulty && except !== "difficulty") parts.push(Prisma.sql`q.difficulty = ${query.difficulty.toUpperCase()}::"Difficulty"`);
  if (query.kind && except !== "kind") parts.push(Prisma.sql`q.kind = ${query.kind.toUpperCase()}::"QuestionKind"`);
  if (query.tag && except !== "tag") parts.push(Prisma.sql`q.tags @> array[${query.tag}]::text[]`);
  if (query.company && except !== "company") {
    parts.push(Prisma.sql`exists (select 1 from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId"
      where qc."questionId" = q.id and c.slug = ${query.company})`);
  }
  if (tsquery) parts.push(Prisma.sql`q.search @@ to_tsquery('english', ${tsquery})`);
  return Prisma.join(parts, " and ");
}

type Row = {
  slug: string; title: string; difficulty: string; kind: string; tags: string[];
  topic_slug: string; topic_name: string; topic_order: number; companies: string[]; rank: number | null; snippet: string | null;
};

export async function listQuestions(query: QuestionListQuery): Promise<QuestionList> {
  const tsquery = toPrefixQuery(query.q);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && (!cursor || cursor.mode !== (tsquery ? "rank" : "topic"))) {
    throw new AppError("VALIDATION", "Some query parameters are invalid.", { fields: { cursor: ["Invalid cursor."] } });
  }
  const rank = tsquery ? Prisma.sql`ts_rank(q.search, to_tsquery('english', ${tsquery}))::float4` : Prisma.sql`null::float4`;
  let after = Prisma.sql`true`;
  if (cursor?.mode === "rank") after = Prisma.sql`(${rank} < ${cursor.key}::float4 or (${rank} = ${cursor.key}::float4 and q.slug > ${cursor.slug}))`;
  if (cursor?.mode === "topic") after = Prisma.sql`(t."order", q.slug) > (${cursor.key}::int, ${cursor.slug})`;
  const snippet = tsquery
    ? Prisma.sql`ts_headline('english', q."modelAnswer", to_tsquery('english', ${tsquery}),
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=1`})`
    : Prisma.sql`null`;
  const order = tsquery ? Prisma.sql`rank desc, q.slug` : Prisma.sql`t."order", q.slug`;

  const rows = await db().$queryRaw<Row[]>`
    select q.slug, q.title, q.difficulty::text, q.kind::text, q.tags,
           t.slug as topic_slug, t.name as topic_name, t."order" as topic_order,
           array(select c.slug from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId"
                 where qc."questionId" = q.id order by c.slug) as companies,
           ${rank} as rank, ${snippet} as snippet
    from "Question" q join "Topic" t on t.id = q."topicId"
    where ${filters(query, tsquery)} and ${after}
    order by ${order}
    limit ${query.limit + 1}`;

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(tsquery ? { mode: "rank", key: last.rank ?? 0, slug: last.slug } : { mode: "topic", key: last.topic_order, slug: last.slug })
      : null;

  const items: QuestionListItem[] = page.map((r) => ({
    slug: r.slug,
    title: r.title,
    topic: { slug: r.topic_slug, name: r.topic_name },
    difficulty: r.difficulty.toLowerCase() as Difficulty,
    kind: r.kind.toLowerCase() as Kind,
    tags: r.tags,
    companies: r.companies,
    ...(r.snippet ? { snippet: snippetHtml(r.snippet) } : {}),
  }));
  return { items, nextCursor, facets: await facets(query, tsquery) };
}

type FacetRow = { value: string; label: string; count: number };

async function facets(query: QuestionListQuery, tsquery: string | null): Promise<QuestionList["facets"]> {
  const base = (except: Dimension) => Prisma.sql`from "Question" q join "Topic" t on t.id = q."topicId" where ${filters(query, tsquery, except)}`;
  const [topic, difficulty, kind, company] = await Promise.all([
    db().$queryRaw<FacetRow[]>`select t.slug as value, t.name as label, count(*)::int as count ${base("topic")} group by t.slug, t.name, t."order" order by t."order"`,
    db().$queryRaw<FacetRow[]>`select lower(q.difficulty::text) as value, initcap(q.difficulty::text) as label, count(*)::int as count ${base("difficulty")} group by q.difficulty order by q.difficulty`,
    db().$queryRaw<FacetRow[]>`select lower(q.kind::text) as value, initcap(q.kind::text) as label, count(*)::int as count ${base("kind")} group by q.kind order by q.kind`,
    db().$queryRaw<FacetRow[]>`select c.slug as value, c.name as label, count(*)::int as count
      from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId" join "Question" q on q.id = qc."questionId" join "Topic" t on t.id = q."topicId"
      where ${filters(query, tsquery, "company")} group by c.slug, c.name order by c.name`,
  ]);
  return { topic, difficulty, kind, company };
}

export async function getQuestion(slug: string): Promise<QuestionDetail | null> {
  const question = await db().question.findUnique({
    where: { slug },
    include: { topic: true, companies: { include: { company: { select: { slug: true, name: true } } } } },
  });
  if (!question) return null;
  const related = await db().$queryRaw<{ slug: string; title: string; difficulty: string }[]>`
    select q.slug, q.title, lower(q.difficulty::text) as difficulty
    from "Question" q
    where q."archivedAt" is null and q.id <> ${question.id}::uuid
      and (q."topicId" = ${question.topicId}::uuid or q.tags && ${question.tags}::text[])
    order by cardinality(array(select unnest(q.tags) intersect select unnest(${question.tags}::text[]))) desc,
             (q."topicId" = ${question.topicId}::uuid) desc, q.slug
    limit 5`;
  return {
    slug: question.slug,
    title: question.title,
    prompt: question.prompt,
    modelAnswer: question.modelAnswer,
    keyPoints: question.keyPoints,
    topic: { slug: question.topic.slug, name: question.topic.name },
    difficulty: question.difficulty.toLowerCase() as Difficulty,
    kind: question.kind.toLowerCase() as Kind,
    tags: question.tags,
    estimatedMinutes: question.estimatedMinutes,
    source: question.source,
    archived: question.archivedAt !== null,
    companies: question.companies
      .map((link) => ({ slug: link.company.slug, name: link.company.name, frequency: link.frequency }))
      .sort((a, b) => (b.frequency ?? 0) - (a.frequency ?? 0) || a.name.localeCompare(b.name)),
    related: related.map((r) => ({ ...r, difficulty: r.difficulty as Difficulty })),
  };
}

export async function listTopics() {
  return db().$queryRaw<{ slug: string; name: string; order: number; questionCount: number }[]>`
    select t.slug, t.name, t."order", count(q.id)::int as "questionCount"
    from "Topic" t left join "Question" q on q."topicId" = t.id and q."archivedAt" is null
    group by t.id order by t."order", t.slug`;
}
