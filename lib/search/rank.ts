import "server-only";
// How results are chosen and ordered (docs/decisions/0014-search.md).
// - Questions holding every term come first. When they are fewer than a page, the page goes on with the best
//   partial matches: questions holding at least half the terms ("minimum should match"), or, when even those
//   are none, any term. A partial match is said as such.
// - Within that, each term counts by where it is (ts_rank with field weights: title A, key points and tags B,
//   prompt C, model answer D) and by how rare it is in the bank (inverse document frequency), summed.
import { Prisma } from "../generated/prisma/client";
import type { SearchPlan } from "./plan";

/** ts_rank's weights, in its order: D (model answer), C (prompt), B (key points, tags), A (title). */
export const FIELD_WEIGHTS = "{0.05, 0.2, 0.6, 1.0}";
/** In a partial match, holding a term counts this much of its weight on top of where it is held. */
export const HELD_BONUS = 0.5;
/** Added for holding every term: more than any sum of weighted term ranks, so those come first. */
const ALL_TERMS_FIRST = 1000;

/** ts_rank normalisation 0: a document's length does not lower its rank (the weights already favour short fields). */
const tsRank = (column: Prisma.Sql, tsquery: string) =>
  Prisma.sql`ts_rank(${FIELD_WEIGHTS}::float4[], ${column}, ${tsquery}::tsquery, 0)`;

/** The fewest terms a result must hold, widest last: all of them, then half, then one. */
export function widenings(plan: SearchPlan): number[] {
  const count = plan.terms.length;
  return [...new Set([count, Math.ceil(count / 2), 1])];
}

/**
 * The rank of a row whose tsvector is `column` (q.search, n.search) when results hold at least `fewest`
 * terms: the weighted term ranks, and when partial matches are in, holding a term counts on its own and
 * holding all of them comes first. A float4, as the keyset cursor stores it.
 */
export function searchRank(column: Prisma.Sql, plan: SearchPlan, fewest: number): Prisma.Sql {
  const partial = fewest < plan.terms.length;
  const parts = plan.terms.map((t) => {
    const held = partial
      ? Prisma.sql` + ${HELD_BONUS}::float8 * (${column} @@ ${t.query}::tsquery)::int`
      : Prisma.empty;
    return Prisma.sql`${t.weight}::float8 * (${tsRank(column, t.query)}${held})`;
  });
  const first = partial
    ? Prisma.sql`${ALL_TERMS_FIRST}::float8 * (${column} @@ ${plan.all}::tsquery)::int + `
    : Prisma.empty;
  return Prisma.sql`(${first}${Prisma.join(parts, " + ")})::float4`;
}

/**
 * A tsquery text with its phrases loosened to their words (`'valu' <-> 'list'` -> `'valu' & 'list'`), for reading whole
 * documents from the GIN index: it answers that alone, while a phrase must be checked again on each document holding
 * its words (read and decompressed), and PostgreSQL, unable to estimate a phrase, chose to scan them all instead:
 * 0.45 s for "values vs values_list" at 100,000 questions. Candidates read this way are judged by the exact queries.
 */
export function loosened(tsquery: string): string {
  return tsquery.replace(/<(?:\d+|-)>/g, "&");
}

export type Match = "all" | "some" | "none";
