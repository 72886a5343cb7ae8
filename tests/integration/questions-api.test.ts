import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getCompany } from "@/app/api/companies/[slug]/route";
import { GET as listCompaniesRoute } from "@/app/api/companies/route";
import { GET as getQuestionRoute } from "@/app/api/questions/[slug]/route";
import { GET as listQuestionsRoute } from "@/app/api/questions/route";
import { GET as listTopicsRoute } from "@/app/api/topics/route";
import { clearContentCaches } from "@/lib/cache";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { decodeCursor, encodeCursor } from "@/lib/data/cursor";
import { browseStatement } from "@/lib/data/questions";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { rowsLookedAt, type PlanNode } from "../support/query-plans";

// Every query this file's app code runs goes through a client that counts them.
let queries = 0;
(globalThis as unknown as { mockroomDbs: Map<unknown, unknown> }).mockroomDbs = new Map([
  [Prisma.Sql, createPrismaClient(process.env.DATABASE_URL!, { onQuery: () => queries++ })],
]);
const { db } = await import("@/lib/db/client");

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  // Many more questions in one topic, to make pagination and query counting meaningful.
  const topic = await db().topic.findUniqueOrThrow({ where: { slug: "beta" } });
  const company = await db().companyProfile.findUniqueOrThrow({ where: { slug: "acme" } });
  for (let i = 0; i < 30; i++) {
    await db().question.create({
      data: {
        slug: `filler-${String(i).padStart(2, "0")}`,
        title: `Filler question ${i} about middleware`,
        prompt: "Filler prompt.",
        modelAnswer: "Filler answer about request processing.",
        keyPoints: ["a", "b", "c"],
        difficulty: i % 2 ? "EASY" : "HARD",
        topicId: topic.id,
        tags: ["filler"],
        estimatedMinutes: 2,
        source: "test",
        companies: { create: [{ companyId: company.id, frequency: 1 }] },
      },
    });
  }
});

const call = async (
  handler: (r: Request, c: never) => Promise<Response>,
  url: string,
  params?: Record<string, string>,
) => {
  const response = await handler(new Request(`http://localhost${url}`), {
    params: Promise.resolve(params ?? {}),
  } as never);
  return { status: response.status, body: await response.json() };
};

describe("GET /api/questions", () => {
  it("lists in topic order with companies, and pages with a keyset cursor that visits every row once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body } = await call(
        listQuestionsRoute,
        `/api/questions?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(status).toBe(200);
      seen.push(...body.items.map((i: { slug: string }) => i.slug));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toHaveLength(33);
    expect(new Set(seen).size).toBe(33);
    expect(seen.slice(0, 2)).toEqual(["prefetch-related-explained", "queryset-laziness"]); // topic "alpha" first
    const first = await call(listQuestionsRoute, "/api/questions?limit=1");
    expect(first.body.items[0]).toMatchObject({
      topic: { slug: "alpha", name: "Alpha Topic" },
      difficulty: "medium",
      kind: "written",
      companies: ["acme"],
    });
  });

  it("says where each page starts and how many match, and pages back with previousCursor to the same pages", async () => {
    for (const filter of ["", "&difficulty=medium", "&q=queryset"]) {
      const forward: { start: number; slugs: string[]; cursor: string | null }[] = [];
      let cursor: string | null = null;
      let total = -1;
      do {
        const url: string = `/api/questions?limit=4${filter}${cursor ? `&cursor=${cursor}` : ""}`;
        const { body } = await call(listQuestionsRoute, url);
        forward.push({ start: body.start, slugs: body.items.map((i: { slug: string }) => i.slug), cursor });
        total = body.total;
        cursor = body.nextCursor;
      } while (cursor && forward.length < 20);
      const all = forward.flatMap((p) => p.slugs);
      expect(total, filter).toBe(all.length);
      expect(forward.map((p) => p.start)).toEqual(forward.map((_, i) => i * 4));
      // From the last page back to the first, by previousCursor alone.
      let back: string | null = forward.at(-1)!.cursor;
      for (let i = forward.length - 1; i > 0; i--) {
        const { body } = await call(
          listQuestionsRoute,
          `/api/questions?limit=4${filter}${back ? `&cursor=${back}` : ""}`,
        );
        expect(
          body.items.map((item: { slug: string }) => item.slug),
          `${filter} page ${i}`,
        ).toEqual(forward[i]!.slugs);
        back = body.previousCursor;
        expect(back).toEqual(i === 1 ? null : expect.any(String));
      }
    }
  });

  it("pages the same from a cursor without its position, and from a cursor at the last row back to the last page", async () => {
    const pages: { start: number; slugs: string[]; next: string | null; previous: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const { body } = await call(listQuestionsRoute, `/api/questions?limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      pages.push({
        start: body.start,
        slugs: body.items.map((i: { slug: string }) => i.slug),
        next: body.nextCursor,
        previous: body.previousCursor,
      });
      cursor = body.nextCursor;
    } while (cursor && pages.length < 40);
    expect(pages.length).toBeGreaterThan(2);
    // An old link's cursor (before cursors carried `at`): the position is counted instead, the page is the same.
    const second = decodeCursor(pages[0]!.next!, "topic")!;
    const legacy = { key: second.key, slug: second.slug };
    const { body: again } = await call(
      listQuestionsRoute,
      `/api/questions?limit=5&cursor=${encodeCursor({ mode: "topic", ...legacy })}`,
    );
    expect(again.items.map((i: { slug: string }) => i.slug)).toEqual(pages[1]!.slugs);
    expect(again.start).toBe(pages[1]!.start);
    expect(again.previousCursor).toBeNull();
    // A later page not read before (another limit), facets kept: one statement for its rows and where its Previous link starts.
    queries = 0;
    await call(listQuestionsRoute, `/api/questions?limit=6&cursor=${pages[1]!.next}`);
    expect(queries).toBe(1);
    // A cursor at the very last row: no rows after it, and Previous leads to the last five.
    const all = pages.flatMap((p) => p.slugs);
    const last = await db().question.findUniqueOrThrow({ where: { slug: all.at(-1)! }, include: { topic: true } });
    const end = encodeCursor({ mode: "topic", key: last.topic.order, slug: last.slug, at: all.length });
    const { body: past } = await call(listQuestionsRoute, `/api/questions?limit=5&cursor=${end}`);
    expect(past.items).toEqual([]);
    expect(past.nextCursor).toBeNull();
    const { body: back } = await call(listQuestionsRoute, `/api/questions?limit=5&cursor=${past.previousCursor}`);
    expect(back.items.map((i: { slug: string }) => i.slug)).toEqual(all.slice(-5));
  });

  it("reads about a page of rows for a cursor deep inside a topic, as for one at its start", async () => {
    const topic = await db().topic.findUniqueOrThrow({ where: { slug: "beta" } });
    const examined = async (slug: string) => {
      const [row] = await db().$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
        Prisma.sql`explain (analyze, format json) ${browseStatement({ limit: 2 }, { key: topic.order, slug })}`,
      );
      return rowsLookedAt(row!["QUERY PLAN"][0]!.Plan, "Question");
    };
    // The 30 fillers are in one topic: a cursor at the 3rd and one at the 27th read as many rows (two pages'
    // walks, forwards and back, a few rows each); a condition the index could not bound read the topic from its
    // first row up to the cursor's (39 rows at the 27th).
    const early = await examined("filler-02");
    const deep = await examined("filler-26");
    expect(deep).toBeLessThanOrEqual(early + 2);
    expect(deep).toBeLessThanOrEqual(16);
  });

  it("ranks title matches first, matches word prefixes while typing, and marks the match in a safe snippet", async () => {
    const { body } = await call(listQuestionsRoute, "/api/questions?q=prefetch");
    expect(body.items[0].slug).toBe("prefetch-related-explained");
    expect(body.items[0].snippet).toContain("<mark>");
    const prefix = await call(listQuestionsRoute, "/api/questions?q=prefe");
    expect(prefix.body.items[0].slug).toBe("prefetch-related-explained");
    const laziness = await call(listQuestionsRoute, "/api/questions?q=lazy%20querysets");
    expect(laziness.body.items.map((i: { slug: string }) => i.slug)).toEqual(["queryset-laziness"]);
  });

  it("filters by topic, difficulty, company, kind and tag, with facet counts for the other choices", async () => {
    const { body } = await call(listQuestionsRoute, "/api/questions?topic=beta&difficulty=hard");
    expect(
      body.items.every(
        (i: { topic: { slug: string }; difficulty: string }) => i.topic.slug === "beta" && i.difficulty === "hard",
      ),
    ).toBe(true);
    expect(body.items).toHaveLength(16);
    expect(body.facets.difficulty).toEqual([
      { value: "easy", label: "Easy", count: 15 },
      { value: "hard", label: "Hard", count: 16 },
    ]);
    expect(body.facets.topic).toEqual([{ value: "beta", label: "Beta Topic", count: 16 }]);
    const tagged = await call(listQuestionsRoute, "/api/questions?tag=csrf&company=acme&kind=written");
    expect(tagged.body.items.map((i: { slug: string }) => i.slug)).toEqual(["csrf-protection"]);
  });

  it("treats SQL and tsquery syntax in the search box as plain words", async () => {
    for (const q of ["' or 1=1 --", "a & | ! (", "prefetch:* & !", "\\\\", "%00", "😀"]) {
      const { status } = await call(listQuestionsRoute, `/api/questions?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
    }
    // Read as the words "prefetch" and "true" ("or" is a stop word): no question holds both, so the ones holding
    // "prefetch" come as a partial match, and nothing else.
    const injected = await call(listQuestionsRoute, `/api/questions?q=${encodeURIComponent("prefetch') or true --")}`);
    expect(injected.body).toMatchObject({ match: "some", searched: "prefetch true" });
    expect(injected.body.items[0].slug).toBe("prefetch-related-explained");
    for (const item of injected.body.items) expect(`${item.titleHtml ?? ""} ${item.snippet}`).toContain("<mark>");
  });

  it.each([
    ["/api/questions?limit=101", "limit"],
    ["/api/questions?limit=abc", "limit"],
    ["/api/questions?difficulty=extreme", "difficulty"],
    ["/api/questions?topic=Not%20A%20Slug", "topic"],
    ["/api/questions?cursor=not-a-real-cursor", "cursor"],
    ["/api/questions?q=" + "x".repeat(201), "q"],
  ])("answers 400 with a field message for %s", async (url, field) => {
    const { status, body } = await call(listQuestionsRoute, url);
    expect(status).toBe(400);
    expect(body.error.fields).toHaveProperty(field);
  });

  it("costs the same number of queries for 1 row as for 30, and reuses facet counts", async () => {
    clearContentCaches();
    queries = 0;
    await call(listQuestionsRoute, "/api/questions?limit=1");
    const small = queries;
    clearContentCaches();
    queries = 0;
    await call(listQuestionsRoute, "/api/questions?limit=30&q=filler");
    // A search asks once more first: which of its words the bank holds (lib/search/plan.ts).
    expect(queries).toBe(small + 1);
    // The page, topic/difficulty/kind facets in one GROUPING SETS scan, and the company facet.
    expect(small).toBe(3);
    // A filtered dimension is counted on its own (with every other filter but its own).
    clearContentCaches();
    queries = 0;
    await call(listQuestionsRoute, "/api/questions?topic=alpha&difficulty=easy");
    expect(queries).toBe(5);
    // The same filters again: only the page query; the counts come from the cache.
    queries = 0;
    await call(listQuestionsRoute, "/api/questions?topic=alpha&difficulty=easy&limit=5");
    expect(queries).toBe(1);
  });
});

describe("GET /api/questions/{slug}, /api/topics, /api/companies", () => {
  it("returns a question with its model answer, key points, companies and related questions", async () => {
    const { status, body } = await call(getQuestionRoute, "/api/questions/prefetch-related-explained", {
      slug: "prefetch-related-explained",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      slug: "prefetch-related-explained",
      keyPoints: ["join vs separate query", "many-to-many and reverse relations", "avoids N+1 queries"],
      companies: [{ slug: "acme", name: "Acme", frequency: 3 }],
      archived: false,
    });
    expect(body.modelAnswer).toContain("select_related");
    expect(body.related[0].slug).toBe("queryset-laziness");
  });

  it("answers 404 JSON for an unknown or malformed slug", async () => {
    for (const slug of ["no-such-question", "../etc/passwd", "UPPER"]) {
      const { status, body } = await call(getQuestionRoute, `/api/questions/${slug}`, { slug });
      expect(status).toBe(404);
      expect(body.error.code).toBe("NOT_FOUND");
    }
    expect((await call(getCompany, "/api/companies/nope", { slug: "nope" })).status).toBe(404);
  });

  it("lists topics with counts and company profiles with their weights", async () => {
    expect((await call(listTopicsRoute, "/api/topics")).body.items).toEqual([
      { slug: "alpha", name: "Alpha Topic", order: 1, questionCount: 2 },
      { slug: "beta", name: "Beta Topic", order: 2, questionCount: 31 },
    ]);
    expect((await call(listCompaniesRoute, "/api/companies")).body.items.map((c: { slug: string }) => c.slug)).toEqual([
      "acme",
    ]);
    const { body } = await call(getCompany, "/api/companies/acme", { slug: "acme" });
    expect(body.topics.map((t: { slug: string; weight: number }) => [t.slug, t.weight])).toEqual([
      ["alpha", 2],
      ["beta", 1],
    ]);
    expect(body.bankQuestions).toBe(32);
  });
});
