import "server-only";
import { sharedCache } from "../cache";
import { db } from "../db/client";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { PLAN_EACH_TIME, rowCount } from "../db/prisma-client";
import type { QuestionDetail, QuestionList, QuestionListItem, QuestionListQuery } from "../schemas/questions";
import { hasMark, snippetHtml } from "../search/highlight";
import { describeTerms, parseSearch } from "../search/parse";
import { decodeCursor, encodeCursor } from "./cursor";
import { searchQuestions } from "./question-search";

type Difficulty = "easy" | "medium" | "hard";
type Kind = "written" | "coding";

type Dimension = "topic" | "difficulty" | "kind" | "company" | "tag";

/** A search's condition on `q` and a key naming it (for the facet cache). */
export type SearchFilter = { key: string; sql: Prisma.Sql };

export function filters(query: QuestionListQuery, search: SearchFilter | null, except?: Dimension): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`q."archivedAt" is null`];
  if (query.topic && except !== "topic") parts.push(Prisma.sql`t.slug = ${query.topic}`);
  if (query.difficulty && except !== "difficulty")
    parts.push(Prisma.sql`q.difficulty = ${query.difficulty.toUpperCase()}::"Difficulty"`);
  if (query.kind && except !== "kind") parts.push(Prisma.sql`q.kind = ${query.kind.toUpperCase()}::"QuestionKind"`);
  if (query.tag && except !== "tag") parts.push(Prisma.sql`q.tags @> array[${query.tag}]::text[]`);
  if (query.company && except !== "company") {
    parts.push(Prisma.sql`exists (select 1 from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId"
      where qc."questionId" = q.id and c.slug = ${query.company})`);
  }
  if (search) parts.push(Prisma.sql`${Prisma.raw(PLAN_EACH_TIME)} ${search.sql}`);
  return Prisma.join(parts, " and ");
}

export type Row = {
  slug: string;
  title: string;
  difficulty: string;
  kind: string;
  tags: string[];
  topic_slug: string;
  topic_name: string;
  topic_order: number;
  companies: string[];
  rank: number | null;
  snippet: string | null;
  title_html?: string | null;
};

export const listColumns = Prisma.sql`q.slug, q.title, q.difficulty::text, q.kind::text, q.tags,
           t.slug as topic_slug, t.name as topic_name, t."order" as topic_order,
           array(select c.slug from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId"
                 where qc."questionId" = q.id order by c.slug) as companies`;

export function toListItem(r: Row): QuestionListItem {
  return {
    slug: r.slug,
    title: r.title,
    topic: { slug: r.topic_slug, name: r.topic_name },
    difficulty: r.difficulty.toLowerCase() as Difficulty,
    kind: r.kind.toLowerCase() as Kind,
    tags: r.tags,
    companies: r.companies,
    ...(r.title_html && hasMark(r.title_html) ? { titleHtml: snippetHtml(r.title_html) } : {}),
    ...(r.snippet ? { snippet: snippetHtml(r.snippet) } : {}),
  };
}

/**
 * The bank is public and the same for every visitor, and it changes only when it is seeded or imported:
 * lists, search results, facet counts and question pages are kept for CONTENT_CACHE_SECONDS (30 s by
 * default), so a change shows within that time. Identical concurrent misses run one query.
 */
const contentTtl = () => env().CONTENT_CACHE_SECONDS * 1000;
const listCache = sharedCache<QuestionList>("question-lists", { ttlMs: contentTtl, max: 500 });
const facetCache = sharedCache<Facets>("question-facets", { ttlMs: contentTtl, max: 1_000 });
const questionCache = sharedCache<QuestionDetail | null>("questions", { ttlMs: contentTtl, max: 5_000 });
const movedCache = sharedCache<string | null>("question-moves", { ttlMs: contentTtl, max: 5_000 });

export function listQuestions(query: QuestionListQuery): Promise<QuestionList> {
  const terms = parseSearch(query.q);
  const key = JSON.stringify([
    describeTerms(terms),
    query.topic,
    query.difficulty,
    query.kind,
    query.company,
    query.tag,
    query.cursor,
    query.limit,
  ]);
  return listCache.get(key, () => (terms.length ? searchQuestions(query) : browseQuestions(query)));
}

/**
 * Browsing: walk the topics in order and read each one's questions from the (topicId, slug) index, so a
 * deep cursor costs as little as the first page (a join sorted on the topic's order could not use it). A later
 * page finds the row its Previous link starts after in the same statement: the same walk backwards from the
 * cursor's row, one row further than a page.
 */
export function browseStatement(query: QuestionListQuery, cursor: TopicCursor | null): Prisma.Sql {
  const rows = rowCount(query.limit + 1);
  const walk = (direction: "forward" | "back", cursor: TopicCursor | null, columns: Prisma.Sql) => {
    const back = direction === "back";
    const order = back ? Prisma.raw("desc") : Prisma.empty;
    const topics = (topicsWhere: Prisma.Sql, slugs: Prisma.Sql) => Prisma.sql`(select ${columns}
    from "Topic" t
    cross join lateral (
      select q.* from "Question" q
      where q."topicId" = t.id and ${filters(query, null)} ${slugs}
      order by q.slug ${order}
      limit ${rows}
    ) q
    where ${topicsWhere}
    order by t."order" ${order}, q.slug ${order}
    limit ${rows})`;
    if (!cursor) return topics(Prisma.sql`true`, Prisma.empty);
    // The cursor's own topic from its row on (the slug a bound of the index scan: one condition with "or a later
    // topic" in it read the topic's rows from its first, 810 of them at 100,000 questions), then the next topics whole.
    const own = topics(
      Prisma.sql`t."order" = ${cursor.key}::int`,
      Prisma.sql`and q.slug ${Prisma.raw(back ? "<=" : ">")} ${cursor.slug}`,
    );
    const next = topics(Prisma.sql`t."order" ${Prisma.raw(back ? "<" : ">")} ${cursor.key}::int`, Prisma.empty);
    return Prisma.sql`select * from (${own} union all ${next}) w
    order by w.topic_order ${order}, w.slug ${order}
    limit ${rows}`;
  };
  return Prisma.sql`
    with page as (${walk("forward", cursor, Prisma.sql`${listColumns}, null::float4 as rank, null as snippet`)})
    ${
      cursor
        ? Prisma.sql`, back as (${walk("back", cursor, Prisma.sql`t."order" as topic_order, q.slug`)})
    select p.*, (select json_build_object('topic_order', b.topic_order, 'slug', b.slug) from back b
                 offset ${rowCount(query.limit)} limit 1) as previous
    from (select 1) one left join page p on true
    order by p.topic_order, p.slug`
        : Prisma.sql`select p.*, null::json as previous from page p order by p.topic_order, p.slug`
    }`;
}

type PageRow = Row & { previous: { topic_order: number; slug: string } | null };

async function browseQuestions(query: QuestionListQuery): Promise<QuestionList> {
  const cursor = query.cursor ? decodeCursor(query.cursor, "topic") : null;
  const rows = await db().$queryRaw<PageRow[]>(browseStatement(query, cursor));
  // A cursor past the end reads no row but still the anchor, on one row of nulls.
  const anchor = rows[0]?.previous ?? null;
  const found = rows.filter((r) => r.slug !== null);
  const page = found.slice(0, query.limit);
  const last = page.at(-1);
  const [start, counted] = await Promise.all([
    cursor ? (cursor.at ?? countThrough(query, cursor)) : 0,
    facets(query, null),
  ]);
  const previousCursor = cursor && anchor ? previousAt(anchor, cursor, query.limit) : null;
  const nextCursor =
    found.length > query.limit && last
      ? encodeCursor({ mode: "topic", key: last.topic_order, slug: last.slug, at: start + page.length })
      : null;
  return {
    items: page.map(toListItem),
    nextCursor,
    previousCursor,
    start,
    total: totalOf(query, counted),
    facets: counted,
  };
}

type TopicCursor = { key: number; slug: string; at?: number };

/** How many questions the filters let through up to the cursor's row (a cursor from before `at` existed). */
async function countThrough(query: QuestionListQuery, cursor: TopicCursor): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    select count(*)::int as n from "Question" q join "Topic" t on t.id = q."topicId"
    where ${filters(query, null)} and (t."order" < ${cursor.key}::int or (t."order" = ${cursor.key}::int and q.slug <= ${cursor.slug}))`;
  return rows[0]?.n ?? 0;
}

/** The Previous link of the page after `cursor`: it starts after `anchor`, a page and one row back (none: the first page). */
function previousAt(anchor: { topic_order: number; slug: string }, cursor: TopicCursor, limit: number): string {
  const at = cursor.at === undefined ? undefined : Math.max(0, cursor.at - limit);
  return encodeCursor({
    mode: "topic",
    key: anchor.topic_order,
    slug: anchor.slug,
    ...(at === undefined ? {} : { at }),
  });
}

/**
 * The questions the filters let through, from the facet counts the page has anyway: each question has one
 * difficulty, and the difficulty facet is counted with every filter but its own.
 */
export function totalOf(query: QuestionListQuery, counted: Facets): number {
  const difficulties = counted.difficulty;
  if (query.difficulty) return difficulties.find((f) => f.value === query.difficulty)?.count ?? 0;
  return difficulties.reduce((sum, f) => sum + f.count, 0);
}

type FacetRow = { value: string; label: string; count: number };
type Facets = QuestionList["facets"];

export function facets(query: QuestionListQuery, search: SearchFilter | null): Promise<Facets> {
  const key = JSON.stringify([
    query.topic,
    query.difficulty,
    query.kind,
    query.company,
    query.tag,
    search?.key ?? null,
  ]);
  return facetCache.get(key, () => countFacets(query, search));
}

/**
 * Each dimension is counted with every filter but its own. Dimensions the query does not filter on share
 * the same filter, so topic, difficulty and kind are counted in one scan with GROUPING SETS; a filtered
 * one gets its own query, and companies (a join) always do.
 */
async function countFacets(query: QuestionListQuery, search: SearchFilter | null): Promise<Facets> {
  const base = (except?: Dimension) =>
    Prisma.sql`from "Question" q join "Topic" t on t.id = q."topicId" where ${filters(query, search, except)}`;
  const own = { topic: query.topic, difficulty: query.difficulty, kind: query.kind } as const;
  const shared = (Object.keys(own) as (keyof typeof own)[]).filter((d) => !own[d]);
  const separate = (Object.keys(own) as (keyof typeof own)[]).filter((d) => own[d]);
  const single: Record<keyof typeof own, (b: Prisma.Sql) => Promise<FacetRow[]>> = {
    topic: (b) =>
      db().$queryRaw<
        FacetRow[]
      >`select t.slug as value, t.name as label, count(*)::int as count ${b} group by t.slug, t.name, t."order" order by t."order"`,
    difficulty: (b) =>
      db().$queryRaw<
        FacetRow[]
      >`select lower(q.difficulty::text) as value, initcap(q.difficulty::text) as label, count(*)::int as count ${b} group by q.difficulty order by q.difficulty`,
    kind: (b) =>
      db().$queryRaw<
        FacetRow[]
      >`select lower(q.kind::text) as value, initcap(q.kind::text) as label, count(*)::int as count ${b} group by q.kind order by q.kind`,
  };
  type GroupedRow = { dim: string; value: string; label: string; sort: number; count: number };
  const [grouped, company, ...separated] = await Promise.all([
    shared.length
      ? db().$queryRaw<GroupedRow[]>`
          select case when grouping(t.slug) = 0 then 'topic' when grouping(q.difficulty) = 0 then 'difficulty' else 'kind' end as dim,
                 coalesce(t.slug, lower(q.difficulty::text), lower(q.kind::text)) as value,
                 coalesce(t.name, initcap(q.difficulty::text), initcap(q.kind::text)) as label,
                 coalesce(t."order", array_position(enum_range(null::"Difficulty"), q.difficulty), array_position(enum_range(null::"QuestionKind"), q.kind)) as sort,
                 count(*)::int as count
          ${base()}
          group by grouping sets ((t.slug, t.name, t."order"), (q.difficulty), (q.kind))`
      : Promise.resolve([] as GroupedRow[]),
    db().$queryRaw<FacetRow[]>`select c.slug as value, c.name as label, count(*)::int as count
      from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId" join "Question" q on q.id = qc."questionId" join "Topic" t on t.id = q."topicId"
      where ${filters(query, search, "company")} group by c.slug, c.name order by c.name`,
    ...separate.map((d) => single[d](base(d))),
  ]);
  const result = { company } as Facets;
  for (const d of shared) {
    result[d] = grouped
      .filter((r) => r.dim === d)
      .sort((a, b) => a.sort - b.sort || a.value.localeCompare(b.value))
      .map(({ value, label, count }) => ({ value, label, count }));
  }
  separate.forEach((d, i) => (result[d] = separated[i]!));
  return result;
}

export function getQuestion(slug: string): Promise<QuestionDetail | null> {
  return questionCache.get(slug, () => loadQuestion(slug));
}

/**
 * The slug of the live question that `slug` was merged into (its `formerSlugs`, seed/merge.ts), or null. Asked
 * only when `slug` names no question or an archived one: its page and API answer then redirect (301).
 */
export function questionMovedTo(slug: string): Promise<string | null> {
  return movedCache.get(slug, async () => {
    const kept = await db().question.findFirst({
      where: { formerSlugs: { has: slug }, archivedAt: null },
      select: { slug: true },
    });
    return kept?.slug ?? null;
  });
}

async function loadQuestion(slug: string): Promise<QuestionDetail | null> {
  const question = await db().question.findUnique({
    where: { slug },
    include: { topic: true, companies: { include: { company: { select: { slug: true, name: true } } } } },
  });
  if (!question) return null;
  // Related: the questions sharing the most tags, then the same topic. Candidates are bounded (a topic's
  // first questions by slug, and some sharing a tag) so a popular tag does not rank the whole bank.
  const related = await db().$queryRaw<{ slug: string; title: string; difficulty: string }[]>`
    with candidates as (
      (select q.slug, q.title, q.difficulty, q.tags, q."topicId" from "Question" q
       where q."topicId" = ${question.topicId}::uuid and q."archivedAt" is null and q.id <> ${question.id}::uuid
       order by q.slug limit 100)
      union
      (select q.slug, q.title, q.difficulty, q.tags, q."topicId" from "Question" q
       where q.tags && ${question.tags}::text[] and q."archivedAt" is null and q.id <> ${question.id}::uuid
       limit 200)
    )
    select c.slug, c.title, lower(c.difficulty::text) as difficulty
    from candidates c
    order by cardinality(array(select unnest(c.tags) intersect select unnest(${question.tags}::text[]))) desc,
             (c."topicId" = ${question.topicId}::uuid) desc, c.slug
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
    withheld: false,
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
