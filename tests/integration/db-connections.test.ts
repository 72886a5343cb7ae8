import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createPrismaClient, PLAN_EACH_TIME } from "@/lib/db/prisma-client";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const client = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => client.$disconnect());

describe("database connections", () => {
  it("do not keep the async context of the request that opened them", async () => {
    // As a page render does: the pool's first query, so its connection, happens inside a request's context.
    const request = new AsyncLocalStorage<{ render: number[] }>();
    let context!: WeakRef<{ render: number[] }>;
    await (async () => {
      const store = { render: Array.from({ length: 1_000 }, (_, n) => n) };
      context = new WeakRef(store);
      // Two at once: the pool opens a connection for each.
      const rows = await request.run(store, () =>
        Promise.all([1, 2].map((n) => client.$queryRaw<{ n: number }[]>`select ${n}::int as n, pg_sleep(0.05)::text`)),
      );
      expect(rows.map((r) => r[0]!.n)).toEqual([1, 2]);
    })();
    for (let n = 0; n < 3 && context.deref(); n++) {
      await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold until the job ends
      gc();
    }
    expect(context.deref()).toBeUndefined();
    // The connection stays open and in use.
    expect(await client.$queryRaw<{ two: number }[]>`select 2 as two`).toEqual([{ two: 2 }]);
  });

  it("prepare each distinct statement once per connection, and reuse it", async () => {
    const single = createPrismaClient(process.env.DATABASE_URL!, { max: 1 });
    try {
      for (const n of [1, 2, 3])
        expect(await single.$queryRaw<{ n: number }[]>`select ${n}::int as n`).toEqual([{ n }]);
      await single.$queryRaw`select 'another statement' as s`;
      await single.$queryRaw`select ${Prisma.raw(PLAN_EACH_TIME)} 'planned each time' as s`;
      // One connection: the catalog shows its prepared statements, each distinct text once.
      const prepared = await single.$queryRaw<
        { name: string; statement: string }[]
      >`select name, statement from pg_prepared_statements order by name`;
      const texts = prepared.map((p) => p.statement);
      expect(texts.filter((t) => t.includes("::int as n"))).toHaveLength(1);
      expect(texts.filter((t) => t.includes("another statement"))).toHaveLength(1);
      expect(prepared.every((p) => p.name.startsWith("mockroom_"))).toBe(true);
      // Marked statements (text search) are never prepared: PostgreSQL plans them for their values each time.
      expect(texts.filter((t) => t.includes("planned each time"))).toHaveLength(0);
    } finally {
      await single.$disconnect();
    }
  });

  it("are shared by the copies of the app in one process only when they load the same Prisma runtime", async () => {
    // The server's own bundle and Next's each hold a copy of lib/db: a client another copy made with another
    // Prisma runtime (here a stand-in under its own key) is not used, since its `Prisma.sql` differs.
    const holder = globalThis as unknown as { mockroomDbs?: Map<unknown, unknown> };
    const foreign = { made: "by another runtime" };
    const OtherSql = class {};
    holder.mockroomDbs = new Map([[OtherSql, foreign]]);
    try {
      const { db } = await import("@/lib/db/client");
      const ours = db();
      expect(ours).not.toBe(foreign);
      expect(db()).toBe(ours);
      expect(holder.mockroomDbs.size).toBe(2);
      // A nested fragment reaches PostgreSQL as SQL, not as a value.
      const where = Prisma.sql`where n > ${1}`;
      expect(await ours.$queryRaw<{ n: number }[]>`select n from (values (1), (2)) v(n) ${where}`).toEqual([{ n: 2 }]);
    } finally {
      holder.mockroomDbs.delete(OtherSql);
    }
  });
});
