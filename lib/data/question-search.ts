import "server-only";
// Ranked search over the bank (docs/decisions/0014-search.md): every term (AND) first; when that finds
// nothing, the questions holding the most terms (OR), said as a partial match. Keyset pages by rank.
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { QuestionList, QuestionListQuery } from "../schemas/questions";
import { headlineOptions } from "../search/highlight";
import { bankCorpus, planSearch, type SearchPlan } from "../search/plan";
import { searchRank, type Match } from "../search/rank";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { facets, filters, listColumns, toListItem, type Row, type SearchFilter } from "./questions";

const SNIPPET = headlineOptions({ maxWords: 28, minWords: 12 });
const WHOLE = headlineOptions({ all: true });

function condition(plan: SearchPlan, match: Match): SearchFilter {
  const tsquery = match === "all" ? plan.all : plan.any;
  return { key: `${match}:${tsquery}`, sql: Prisma.sql`q.search @@ ${tsquery}::tsquery` };
}

async function page(query: QuestionListQuery, plan: SearchPlan, match: Match, cursor: Extract<Cursor, { mode: "rank" }> | null): Promise<Row[]> {
  const tsquery = match === "all" ? plan.all : plan.any;
  const rank = searchRank(Prisma.sql`q.search`, plan, match);
  const after = cursor ? Prisma.sql`and (${rank} < ${cursor.key}::float4 or (${rank} = ${cursor.key}::float4 and q.slug > ${cursor.slug}))` : Prisma.empty;
  return db().$queryRaw<Row[]>`
    select ${listColumns}, ${rank} as rank,
           ts_headline('english', q."modelAnswer", ${tsquery}::tsquery, ${SNIPPET}) as snippet,
           ts_headline('english', q.title, ${tsquery}::tsquery, ${WHOLE}) as title_html
    from "Question" q join "Topic" t on t.id = q."topicId"
    where ${filters(query, condition(plan, match))} ${after}
    order by rank desc, q.slug
    limit ${query.limit + 1}`;
}

/** Whether every term together finds a question under these filters (a later page keeps its first page's kind of match). */
async function allTermsMatch(query: QuestionListQuery, plan: SearchPlan): Promise<boolean> {
  const rows = await db().$queryRaw<{ found: boolean }[]>`
    select exists (select 1 from "Question" q join "Topic" t on t.id = q."topicId" where ${filters(query, condition(plan, "all"))}) as found`;
  return rows[0]?.found ?? false;
}

export async function searchQuestions(query: QuestionListQuery): Promise<QuestionList> {
  const plan = await planSearch(query.q, bankCorpus);
  const cursor = query.cursor ? decodeCursor(query.cursor, "rank") : null;
  const said = { searched: plan.searched, ...(plan.corrections.length ? { suggestion: plan.searched } : {}) };
  if (!plan.terms.length) {
    return { items: [], nextCursor: null, facets: { topic: [], difficulty: [], kind: [], company: [] }, match: "none", ...said };
  }
  let match: Match = !cursor || plan.terms.length === 1 || (await allTermsMatch(query, plan)) ? "all" : "some";
  let rows = await page(query, plan, match, cursor);
  if (!rows.length && !cursor && plan.terms.length > 1) {
    match = "some";
    rows = await page(query, plan, match, null);
  }
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ mode: "rank", key: last.rank ?? 0, slug: last.slug }) : null;
  return {
    items: items.map(toListItem),
    nextCursor,
    facets: await facets(query, condition(plan, match)),
    match: rows.length || cursor ? match : "none",
    ...said,
  };
}
