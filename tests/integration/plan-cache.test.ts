// Hot statements are prepared once per connection (lib/db/prisma-client.ts), and PostgreSQL plans a prepared
// statement for its values five times, then keeps a generic plan when that plan's cost is in line with theirs. A
// row count sent as a value (LIMIT $n) made the generic plan look like reading a tenth of the table, so PostgreSQL
// planned those statements again on every execution: about half of the uncached question list's database time
// at 100,000 questions (docs/performance.md, round twenty). This test runs the app's list reads as it does, on one
// connection and a bank large enough for the difference to show, and asks PostgreSQL which plans it made.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

// The app's statements on one connection, so that its prepared statements are the ones asked about below.
(globalThis as unknown as { mockroomDbs: Map<unknown, unknown> }).mockroomDbs = new Map([
  [Prisma.Sql, createPrismaClient(process.env.DATABASE_URL!, { max: 1 })],
]);
const { db } = await import("@/lib/db/client");
const { listQuestions } = await import("@/lib/data/questions");
const { listNotes, saveNote } = await import("@/lib/data/notes");
const { questionWorkspace } = await import("@/lib/data/question-workspace");
const { encodeCursor } = await import("@/lib/data/cursor");

const QUESTIONS = 5_000;
const EXECUTIONS = 12;

let cursors: { key: number; slug: string; at: number }[];
let user: { id: string };

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  await db().$executeRaw`
    insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, kind, "topicId", tags, "estimatedMinutes", source, "updatedAt")
    select gen_random_uuid(), 'plan-q-' || lpad(g::text, 5, '0'), 'Question ' || g, 'Prompt ' || g, 'Answer ' || g, array['a', 'b'],
           (array['EASY','MEDIUM','HARD'])[1 + g % 3]::"Difficulty", 'WRITTEN', t.id, array['plans'], 2, 'test', now()
    from generate_series(1, ${QUESTIONS}::int) g
    join (select id, row_number() over (order by "order", slug) - 1 as n, count(*) over () as topics from "Topic") t
      on t.n = g % t.topics`;
  await db().$executeRaw`analyze "Question"`;
  const rows = await db().$queryRaw<{ key: number; slug: string; at: number }[]>`
    select "order" as key, slug, n::int as at from (
      select t."order", q.slug, row_number() over (order by t."order", q.slug) as n
      from "Question" q join "Topic" t on t.id = q."topicId" where q."archivedAt" is null) r
    where n % ${Math.floor(QUESTIONS / EXECUTIONS)}::int = 1 order by n`;
  cursors = rows.slice(0, EXECUTIONS);
  user = await userFactory();
  for (const c of cursors) await saveNote(user.id, c.slug, { content: `A note on ${c.slug}`, revision: 0 });
}, 60_000);

/** The app's prepared statements run at least `times` times that PostgreSQL planned anew every time. */
async function plannedEveryTime(times: number): Promise<string[]> {
  const rows = await db().$queryRaw<{ statement: string }[]>`
    select left(regexp_replace(statement, '\\s+', ' ', 'g'), 120) as statement from pg_prepared_statements
    where name like 'mockroom_%' and generic_plans = 0 and custom_plans >= ${times}::int`;
  return rows.map((r) => r.statement);
}

describe(`with ${QUESTIONS.toLocaleString("en")} questions`, () => {
  it("the question list's later pages, the notes list and a question's workspace keep their plans", async () => {
    expect(cursors).toHaveLength(EXECUTIONS);
    for (const c of cursors) {
      const page = await listQuestions({ limit: 20, cursor: encodeCursor({ mode: "topic", ...c }) });
      expect(page.items.length).toBeGreaterThan(0);
      await listNotes(user.id, { limit: 20 });
      await questionWorkspace(user.id, c.slug);
    }
    expect(await plannedEveryTime(EXECUTIONS)).toEqual([]);
  });
});

describe("rowCount", () => {
  it("writes a row count into the statement and refuses anything that is not one", async () => {
    const { rowCount } = await import("@/lib/db/prisma-client");
    expect(Prisma.sql`select 1 limit ${rowCount(21)}`.text).toBe("select 1 limit 21");
    for (const bad of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
      expect(() => rowCount(bad)).toThrow(RangeError);
  });
});
