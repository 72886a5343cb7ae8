// Scores a search against the relevance set (tests/search-relevance/queries.json): each query with the
// questions a candidate typing it means, all of which belong in the first three results.
import fs from "node:fs";
import path from "node:path";

export type RelevanceQuery = { q: string; kind: string; expect: string[] };
export type QueryResult = RelevanceQuery & { top: string[]; reciprocalRank: number; recall: number };
export type Figures = { queries: number; mrr5: number; recall3: number };

export function readRelevanceSet(): RelevanceQuery[] {
  const file = path.resolve("tests/search-relevance/queries.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { queries: RelevanceQuery[] }).queries;
}

/**
 * MRR@5: 1 / the position of the first expected question within the first five results (0 when none is).
 * Top-3 recall: the share of expected questions within the first three (of at most three expected).
 */
export function scoreQuery(query: RelevanceQuery, top: string[]): QueryResult {
  const first = top.slice(0, 5).findIndex((slug) => query.expect.includes(slug));
  const found = query.expect.filter((slug) => top.slice(0, 3).includes(slug)).length;
  return {
    ...query,
    top: top.slice(0, 5),
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    recall: found / Math.min(3, query.expect.length),
  };
}

export function figures(results: QueryResult[]): Figures {
  const mean = (f: (r: QueryResult) => number) =>
    results.length ? results.reduce((sum, r) => sum + f(r), 0) / results.length : 0;
  return { queries: results.length, mrr5: mean((r) => r.reciprocalRank), recall3: mean((r) => r.recall) };
}

/** Overall and per-kind figures, and the queries that missed, as lines to print. */
export function report(title: string, results: QueryResult[]): string {
  const line = (name: string, f: Figures) =>
    `  ${name.padEnd(12)} ${String(f.queries).padStart(4)} queries  MRR@5 ${f.mrr5.toFixed(3)}  top-3 recall ${f.recall3.toFixed(3)}`;
  const kinds = [...new Set(results.map((r) => r.kind))].sort();
  const misses = results.filter((r) => r.recall < 1 || r.reciprocalRank < 1);
  return [
    title,
    line("all", figures(results)),
    ...kinds.map((kind) => line(kind, figures(results.filter((r) => r.kind === kind)))),
    `  not first or not all in the top 3 (${misses.length}):`,
    ...misses.map(
      (r) => `    [${r.kind}] "${r.q}" expects ${r.expect.join(", ")}; got ${r.top.join(", ") || "nothing"}`,
    ),
  ].join("\n");
}
