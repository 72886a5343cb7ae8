// Notes are searched among the user's own (their B-tree), never through an index of every user's notes: on the
// benchmark's data the planner intersected the user's ten notes with a GIN index listing every note holding
// "cache", thousands of entries, for 1.1 ms where reading the ten took 0.05 ms (docs/performance.md, round twenty).
// Checked here: no such index, and a search reads no note but the user's (EXPLAIN ANALYZE of its statements).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { listNotes, notePageStatement } from "@/lib/data/notes";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { notesCorpus, planSearch } from "@/lib/search/plan";
import { rowsLookedAt, type PlanNode } from "../support/query-plans";

const OTHERS = 1_000;
const NOTES_EACH = 10;

/** How many rows of "Note" the statement looked at (kept or filtered out), in every scan that ran. */
async function notesRead(statement: Prisma.Sql): Promise<number> {
  const [row] = await db().$queryRaw<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
    Prisma.sql`explain (analyze, format json) ${statement}`,
  );
  return rowsLookedAt(row!["QUERY PLAN"][0]!.Plan, "Note");
}

let user: string;
let cached: string;

beforeAll(async () => {
  const topic = await db().topic.create({ data: { slug: "note-plans", name: "Note plans", order: 950 } });
  await db().$executeRaw`
    insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, kind, "topicId", tags, "estimatedMinutes", source, "updatedAt")
    select gen_random_uuid(), 'note-plans-' || g, 'Question ' || g, 'p', 'a', array['a'], 'EASY', 'WRITTEN', ${topic.id}::uuid, '{}', 1, 'test', now()
    from generate_series(1, 400) g`;
  await db().$executeRaw`
    insert into "User" (id, email, "updatedAt")
    select gen_random_uuid(), 'note-plans-' || lpad(g::text, 4, '0') || '@example.test', now() from generate_series(0, ${OTHERS}::int) g`;
  user = (await db().user.findFirstOrThrow({ where: { email: "note-plans-0000@example.test" } })).id;
  // Ten notes for each user, a third of everyone else's about caching, in no order: each user's notes lie on pages
  // of their own, as after months of use. The user searched has one note about caching.
  await db().$executeRaw`
    insert into "Note" (id, "userId", "questionId", content, revision, "updatedAt")
    select gen_random_uuid(), u.id, q.id,
           case when u.id = ${user}::uuid then 'Signals and forms'
                when (q.n + u.k) % 3 = 0 then 'Cache the rendered fragment ' || q.slug else 'Forms validate input ' || q.slug end,
           1, now()
    from (select id, row_number() over (order by email) as k from "User" where email like 'note-plans-%') u
    cross join lateral (
      select id, slug, row_number() over (order by slug) as n from "Question" where slug like 'note-plans-%'
      order by slug offset (u.k * 7) % 390 limit ${NOTES_EACH}::int) q
    order by random()`;
  const [first] = await db().$queryRaw<{ slug: string }[]>`
    update "Note" n set content = 'Cache with Redis' from "Question" q
    where n.id = (select id from "Note" where "userId" = ${user}::uuid order by id limit 1) and q.id = n."questionId"
    returning q.slug`;
  cached = first!.slug;
  await db().$executeRaw`analyze "Note"`;
}, 60_000);

describe(`with ${(OTHERS * NOTES_EACH).toLocaleString("en")} notes of other users, a third about caching`, () => {
  it("no index lists every user's notes: a search can only read the user's own", async () => {
    const indexes = await db().$queryRaw<{ indexdef: string }[]>`
      select indexdef from pg_indexes where tablename = 'Note' and indexdef like '%(search)%'`;
    expect(indexes).toEqual([]);
  });

  it("the page, with its width and ranks, reads the user's notes and no one else's", async () => {
    const plan = await planSearch("cache", notesCorpus(user));
    const read = await notesRead(notePageStatement(user, { limit: 20, q: "cache" }, null, { plan, fewest: null }));
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(NOTES_EACH);
    const two = await planSearch("cache forms", notesCorpus(user));
    const wide = await notesRead(
      notePageStatement(user, { limit: 20, q: "cache forms" }, null, { plan: two, fewest: null }),
    );
    expect(wide).toBeLessThanOrEqual(2 * NOTES_EACH); // counted for the width, then ranked
  });

  it("whether a word is in the user's notes is read from theirs", async () => {
    const contains = notesCorpus(user).contains(Prisma.sql`(select to_tsquery('english', 'cache'))`);
    expect(await notesRead(Prisma.sql`select ${contains}`)).toBeLessThanOrEqual(NOTES_EACH);
    const [row] = await db().$queryRaw<{ known: boolean }[]>`select ${contains} as known`;
    expect(row!.known).toBe(true);
  });

  it("finds the user's note, and no one else's", async () => {
    const page = await listNotes(user, { limit: 20, q: "cache" });
    expect(page.items.map((i) => i.question.slug)).toEqual([cached]);
    expect((await listNotes(user, { limit: 20, q: "fragment" })).items).toEqual([]);
  });

  it("completes a last word still being typed in the round trip of the terms: two statements, not three", async () => {
    const statements = vi.spyOn(db(), "$queryRaw");
    try {
      const typed = await listNotes(user, { limit: 20, q: "Cach" });
      expect(typed.items.map((i) => i.question.slug)).toEqual([cached]);
      expect(typed.searched).toBe("Cach");
      expect(statements).toHaveBeenCalledTimes(2);
      statements.mockClear();
      // A whole word of theirs is searched as itself; a beginning no note of theirs has finds nothing, also in two.
      expect((await planSearch("signals", notesCorpus(user))).terms.map((t) => t.query)).toEqual(["('signal')"]);
      statements.mockClear();
      const none = await listNotes(user, { limit: 20, q: "forms fragm" });
      expect(none.items).toHaveLength(NOTES_EACH - 1);
      expect(none.items.every((i) => i.partial)).toBe(true);
      expect(statements).toHaveBeenCalledTimes(2);
    } finally {
      statements.mockRestore();
    }
  });
});
