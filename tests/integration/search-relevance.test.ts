// The relevance set against the real question bank, through listQuestions (what GET /api/questions and
// /questions call). Fails below MRR@5 0.85 or top-3 recall 0.95; prints the figures per kind of query.
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { listQuestions } from "@/lib/data/questions";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { figures, readRelevanceSet, report, scoreQuery, type QueryResult } from "../support/relevance";

const queries = readRelevanceSet();

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("seed")));
}, 60_000);

it(`finds what candidates mean for ${queries.length} queries: MRR@5 >= 0.85, top-3 recall >= 0.95`, async () => {
  const results: QueryResult[] = [];
  for (const query of queries) {
    const page = await listQuestions({ q: query.q, limit: 5 });
    results.push(
      scoreQuery(
        query,
        page.items.map((item) => item.slug),
      ),
    );
  }
  const overall = figures(results);
  console.info(report("Search relevance, the question bank:", results));
  expect(overall.mrr5).toBeGreaterThanOrEqual(0.85);
  expect(overall.recall3).toBeGreaterThanOrEqual(0.95);
}, 120_000);
