import "server-only";
// How results are ordered (docs/decisions/0014-search.md). ts_rank with weights per field: a term in the
// title (A) counts most, then key points and tags (B), then the prompt (C); the model answer (D) counts
// little, so a long answer that mentions a word often does not outrank a question about it.
import { Prisma } from "../generated/prisma/client";
import type { SearchPlan } from "./plan";

export type Match = "all" | "some";

/** ts_rank's weights, in its order: D (model answer), C (prompt), B (key points, tags), A (title). */
export const FIELD_WEIGHTS = "{0.05, 0.2, 0.6, 1.0}";
/** ts_rank normalisation 0: a document's length does not lower its rank (the weights already favour short fields). */
const NORMALISATION = 0;

const tsRank = (column: Prisma.Sql, tsquery: string) =>
  Prisma.sql`ts_rank(${FIELD_WEIGHTS}::float4[], ${column}, ${tsquery}::tsquery, ${NORMALISATION})`;

/**
 * The rank of a row whose tsvector is `column` (q.search, n.search): for every term together, ts_rank; for a
 * partial match, the number of terms the row holds first (each term alike), then ts_rank squashed below 1
 * to order ties. A float4, as the keyset cursor stores it.
 */
export function searchRank(column: Prisma.Sql, plan: SearchPlan, match: Match): Prisma.Sql {
  if (match === "all") return Prisma.sql`${tsRank(column, plan.all)}::float4`;
  const held = Prisma.join(
    plan.terms.map((t) => Prisma.sql`(${column} @@ ${t.query}::tsquery)::int`),
    " + ",
  );
  const rank = tsRank(column, plan.any);
  return Prisma.sql`((${held}) + ${rank} / (1 + ${rank}))::float4`;
}
