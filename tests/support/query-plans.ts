// Reading EXPLAIN (ANALYZE, FORMAT JSON) output in the plan tests: what a statement looked at.

/** A node of PostgreSQL's JSON plan, with the fields the tests read. */
export type PlanNode = {
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

/** Rows of `relation` the plan looked at, kept or filtered out, over every scan of it that ran (loops counted). */
export function rowsLookedAt(node: PlanNode, relation: string): number {
  const own =
    node["Relation Name"] === relation
      ? (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0)) *
        node["Actual Loops"]
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsLookedAt(child, relation), 0);
}
