import "server-only";
// Ranked search over the bank (docs/decisions/0014-search.md, lib/search/rank.ts): questions holding every
// term first, then, to fill the page, the best partial matches, each marked. Keyset pages by rank. Highlights
// mark every term the text holds (the OR of the terms: ts_headline over the quorum's OR of ANDs is slow).
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { QuestionList, QuestionListQuery } from "../schemas/questions";
import { headlineOptions } from "../search/highlight";
import { bankCorpus, planSearch, type SearchPlan } from "../search/plan";
import { quorumQuery, searchRank, widenedPage, type Match } from "../search/rank";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { facets, filters, listColumns, toListItem, type Row, type SearchFilter } from "./questions";

const SNIPPET = headlineOptions({ maxWords: 28, minWords: 12 });
const WHOLE = headlineOptions({ all: true });

type SearchRow = Row & { holds_all: boolean };

function condition(plan: SearchPlan, fewest: number): SearchFilter {
  const tsquery = quorumQuery(plan, fewest);
  return { key: tsquery, sql: Prisma.sql`q.search @@ ${tsquery}::tsquery` };
}

function page(query: QuestionListQuery, plan: SearchPlan, fewest: number, cursor: Extract<Cursor, { mode: "rank" }> | null): Promise<SearchRow[]> {
  const rank = searchRank(Prisma.sql`q.search`, plan, fewest);
  const after = cursor ? Prisma.sql`and (${rank} < ${cursor.key}::float4 or (${rank} = ${cursor.key}::float4 and q.slug > ${cursor.slug}))` : Prisma.empty;
  return db().$queryRaw<SearchRow[]>`
    select ${listColumns}, ${rank} as rank, q.search @@ ${plan.all}::tsquery as holds_all,
           ts_headline('english', q."modelAnswer", ${plan.any}::tsquery, ${SNIPPET}) as snippet,
           ts_headline('english', q.title, ${plan.any}::tsquery, ${WHOLE}) as title_html
    from "Question" q join "Topic" t on t.id = q."topicId"
    where ${filters(query, condition(plan, fewest))} ${after}
    order by rank desc, q.slug
    limit ${query.limit + 1}`;
}

export async function searchQuestions(query: QuestionListQuery): Promise<QuestionList> {
  const plan = await planSearch(query.q, bankCorpus);
  const cursor = query.cursor ? decodeCursor(query.cursor, "rank") : null;
  const said = { searched: plan.searched, ...(plan.corrections.length ? { suggestion: plan.searched } : {}) };
  if (!plan.terms.length) {
    return { items: [], nextCursor: null, facets: { topic: [], difficulty: [], kind: [], company: [] }, match: "none", ...said };
  }
  const { rows, fewest } = await widenedPage(plan, query.limit, cursor ? (cursor.of ?? plan.terms.length) : undefined, (width) =>
    page(query, plan, width, cursor),
  );
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const partial = fewest < plan.terms.length ? { of: fewest } : {};
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ mode: "rank", key: last.rank ?? 0, slug: last.slug, ...partial }) : null;
  const match: Match = items.some((r) => r.holds_all) ? "all" : items.length ? "some" : "none";
  return {
    items: items.map((r) => ({ ...toListItem(r), ...(r.holds_all ? {} : { partial: true }) })),
    nextCursor,
    facets: await facets(query, condition(plan, fewest)),
    match,
    ...said,
  };
}
