import { describe, expect, it } from "vitest";
import { keyPointCoverage, stem, terms } from "@/lib/interviews/scoring";

describe("terms and stems", () => {
  it("stems word forms together and drops stop words", () => {
    expect(stem("caching")).toBe(stem("cached"));
    expect(stem("queries")).toBe(stem("query"));
    expect(terms("How does the ORM use a JOIN?")).toEqual(["orm", "join"]);
  });

  it("splits snake_case identifiers and maps synonyms", () => {
    expect(terms("select_related")).toEqual(["selectrelat", "select", "relat"]);
    expect(terms("related")).toEqual(["relat"]);
    expect(terms("DB")).toEqual(terms("database"));
    expect(terms("avoids N+1")).toContain("nplusone");
  });
});

describe("keyPointCoverage", () => {
  const points = ["join vs separate query", "many-to-many and reverse relations", "avoids N+1 queries"];

  it("covers points whose words appear, in other forms too, and explains the match", () => {
    const answer = "select_related joins the tables in one SQL query. prefetch_related runs separate queries for many-to-many relations and reverse ones, which avoids the N+1 problem.";
    const result = keyPointCoverage(answer, points);
    expect(result.points.map((p) => p.covered)).toEqual([true, true, true]);
    expect(result.score).toBe(1);
    expect(result.points[0]!.matched).toEqual(expect.arrayContaining(["join", "query"]));
  });

  it("reports what is missing and scores the share covered", () => {
    const result = keyPointCoverage("It uses a join.", points);
    expect(result.points.map((p) => p.covered)).toEqual([false, false, false]);
    expect(result.points[0]!.missing).toEqual(expect.arrayContaining(["separate"]));
    expect(result.score).toBe(0);
    const partial = keyPointCoverage("A join with a separate query avoids N+1 queries.", points);
    expect(partial.score).toBeCloseTo(2 / 3);
  });

  it("gives an empty answer no coverage", () => {
    expect(keyPointCoverage("", points).score).toBe(0);
    expect(keyPointCoverage("anything", []).score).toBe(0);
  });
});
