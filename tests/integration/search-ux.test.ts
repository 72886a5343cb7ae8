// The search examples against the real bank, through GET /api/questions (what /questions shows).
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listQuestionsRoute } from "@/app/api/questions/route";
import { clearContentCaches } from "@/lib/cache";
import { WHOLE_BANK } from "@/lib/data/question-search";
import { listQuestions } from "@/lib/data/questions";
import { db } from "@/lib/db/client";
import { questionListSchema, type QuestionList } from "@/lib/schemas/questions";
import { bankCorpus, planSearch } from "@/lib/search/plan";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";

async function search(q: string, extra = ""): Promise<QuestionList> {
  const response = await listQuestionsRoute(
    new Request(`http://localhost/api/questions?q=${encodeURIComponent(q)}${extra}`),
    { params: Promise.resolve({}) },
  );
  expect(response.status).toBe(200);
  return questionListSchema.parse(await response.json());
}

/** Every highlighted word of a result: its title and snippet. */
const marked = (list: QuestionList) =>
  list.items.flatMap((item) =>
    [...`${item.titleHtml ?? ""} ${item.snippet ?? ""}`.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) =>
      m[1]!.toLowerCase(),
    ),
  );

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("seed")));
}, 60_000);

describe("search as candidates type it", () => {
  it('"select_related vs prefetch_related" puts the question comparing them first, marked in its title, then another ORM question', async () => {
    const list = await search("select_related vs prefetch_related");
    expect(list).toMatchObject({ match: "all", searched: "select_related prefetch_related" });
    expect(list.items[0]!.slug).toBe("select-related-vs-prefetch-related");
    expect(list.items[0]!.titleHtml).toContain("<mark>select</mark>_<mark>related</mark>");
    expect(list.items[0]!.titleHtml).toContain("<mark>prefetch</mark>_<mark>related</mark>");
    expect(list.items[1]!.partial).toBeUndefined();
    expect(list.items[1]!.title).toMatch(/\bORM\b|_related/);
    // "vs" is not searched: the same results as without it.
    expect((await search("select_related prefetch_related")).items.map((i) => i.slug)).toEqual(
      list.items.map((i) => i.slug),
    );
  });

  it('"csrf token" puts the CSRF questions first', async () => {
    const list = await search("csrf token");
    for (const item of list.items.slice(0, 3))
      expect(`${item.title} ${item.tags.join(" ")}`.toLowerCase(), item.slug).toContain("csrf");
    expect(list.items.slice(0, 3).map((i) => i.slug)).toEqual(
      expect.arrayContaining(["django-csrf-protection-mechanism"]),
    );
  });

  it('"N+1" puts the N+1 questions first and highlights only N+1, never None, non, needs or never', async () => {
    const list = await search("N+1");
    expect(list.items.slice(0, 2).map((i) => i.slug)).toEqual(
      expect.arrayContaining(["fix-n-plus-one-queries-django"]),
    );
    expect(list.items.slice(0, 2).every((item) => /N\+1/.test(item.title))).toBe(true);
    const words = marked(list);
    expect(words.length).toBeGreaterThan(0);
    expect(new Set(words)).toEqual(new Set(["n", "+1"]));
  });

  it('"middlware" suggests "middleware" and shows its results', async () => {
    const list = await search("middlware");
    expect(list).toMatchObject({ suggestion: "middleware", searched: "middleware", match: "all" });
    expect(list.items.length).toBeGreaterThan(3);
    for (const item of list.items.slice(0, 5)) expect(item.title.toLowerCase()).toContain("middleware");
    expect(marked(list)).toContain("middleware");
  });

  it("plans words searched before without asking the database again, and the same plan as a fresh one", async () => {
    clearContentCaches();
    const fresh = await planSearch("csrf tokn middleware", bankCorpus);
    const reads = vi.spyOn(db(), "$queryRaw");
    try {
      expect(await planSearch("middleware tokn csrf", bankCorpus)).toEqual({
        ...fresh,
        terms: [fresh.terms[2], fresh.terms[1], fresh.terms[0]],
        all: expect.any(String),
        any: expect.any(String),
        searched: expect.any(String),
      });
      expect(reads).not.toHaveBeenCalled();
      await planSearch("csrf signals", bankCorpus); // one word new: one read, for it alone
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
    clearContentCaches();
    expect(await planSearch("csrf tokn middleware", bankCorpus)).toEqual(fresh);
  });

  it("says what was searched when nothing matches, and suggests nothing for nonsense", async () => {
    const list = await search("qwzx vvbnq");
    expect(list).toMatchObject({ items: [], match: "none", searched: "qwzx vvbnq", nextCursor: null });
    expect(list.suggestion).toBeUndefined();
  });

  it("fills a short page with partial matches after the questions holding every word, each marked partial", async () => {
    const list = await search("factory_boy fixtures");
    const firstPartial = list.items.findIndex((i) => i.partial);
    expect(firstPartial).toBeGreaterThan(0);
    expect(list.items.slice(firstPartial).every((i) => i.partial)).toBe(true);
    expect(list.match).toBe("all");
  });

  it("falls back to partial matches when no question holds every word, and says so", async () => {
    const list = await search("middleware qwzxv");
    expect(list.match).toBe("some");
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.partial)).toBe(true);
  });

  it("matches an identifier typed without underscores or as words", async () => {
    for (const q of ["selectrelated", "select related", "select_related"]) {
      const list = await search(q);
      expect(
        list.items.slice(0, 3).map((i) => i.slug),
        q,
      ).toContain("select-related-vs-prefetch-related");
    }
  });

  it("pages partial matches with a cursor that visits each result once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const first = await listQuestions({ q: "factory_boy fixtures", limit: 50 });
    do {
      const page: QuestionList = await listQuestions({
        q: "factory_boy fixtures",
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((i) => i.slug));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 200);
    expect(seen).toEqual(first.items.map((i) => i.slug));
  });

  it("searches a bank of this size whole: a common word's facet counts are exact and nothing is capped", async () => {
    const [bank] = await db().$queryRaw<
      { live: number }[]
    >`select count(*)::int as live from "Question" where "archivedAt" is null`;
    expect(bank!.live).toBeLessThanOrEqual(WHOLE_BANK);
    const plan = await planSearch("django", bankCorpus);
    const [{ holding }] = await db().$queryRawUnsafe<[{ holding: number }]>(
      `select count(*)::int as holding from "Question" where "archivedAt" is null and search @@ $1::tsquery`,
      plan.all,
    );
    expect(holding).toBeGreaterThan(100); // more than a capped search ranks
    const list = await search("django");
    expect(list.capped).toBeUndefined();
    expect(list.facets.topic.reduce((sum, f) => sum + f.count, 0)).toBe(holding);
    let seen = list.items.length;
    for (let cursor = list.nextCursor; cursor;) {
      const next = await search("django", `&cursor=${encodeURIComponent(cursor)}`);
      seen += next.items.length;
      cursor = next.nextCursor;
    }
    expect(seen).toBe(holding);
  });

  it("quotes words of the answer in its snippets, never the language of a code block", async () => {
    // Words a model answer holds only as a fence's language ("```python"), per question.
    const answers = await db().question.findMany({ select: { slug: true, modelAnswer: true } });
    const fenceOnly = new Map(
      answers.map(({ slug, modelAnswer }) => {
        const languages = new Set([...modelAnswer.matchAll(/```(\w+)/g)].map((m) => m[1]!.toLowerCase()));
        const prose = modelAnswer.replace(/```\w*/g, " ").toLowerCase();
        return [slug, [...languages].filter((l) => !new RegExp(`\\b${l}\\b`).test(prose))];
      }),
    );
    const checked: string[] = [];
    for (const q of [
      "middleware",
      "select_related",
      "csrf token",
      "signals",
      "custom manager",
      "serializer validate",
    ]) {
      for (const item of (await search(q)).items) {
        const words = (item.snippet ?? "").replace(/<\/?mark>/g, "").toLowerCase();
        for (const language of fenceOnly.get(item.slug) ?? []) {
          expect(words, `${q}: ${item.slug}`).not.toMatch(new RegExp(`\\b${language}\\b`));
          checked.push(item.slug);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(10); // results whose answers have code blocks were looked at
  });
});
