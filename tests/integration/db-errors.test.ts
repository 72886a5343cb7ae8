// Errors PostgreSQL raises under a raw statement, as Prisma 7 and the pg adapter really wrap them, answered by
// the API's one error mapping (lib/http/api.ts): a deadlock is a 409 to retry, a statement timeout a 503, never a
// 500. (A deadlock in `$executeRaw` arrives as P2010 with the code underneath; it was once a 500.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/http/api";

let other: pg.Client;

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  // This session checks for deadlocks late, so the transaction under test is the one PostgreSQL ends.
  await other.query("set deadlock_timeout = '10s'");
});

afterAll(async () => {
  await other.end();
});

const call = (handler: () => Promise<Response>) =>
  apiRoute(handler)(new Request("http://localhost/api/test", { method: "POST" }), {} as never);

describe("a raw statement's failure through the API's error mapping", () => {
  it("answers a deadlock with 409", async () => {
    await other.query("begin");
    await other.query("select pg_advisory_xact_lock(101)");
    let locked!: () => void;
    const ready = new Promise<void>((resolve) => (locked = resolve));
    const response = call(async () => {
      await db().$transaction(async (tx) => {
        await tx.$executeRaw`select pg_advisory_xact_lock(102)`;
        locked();
        await tx.$executeRaw`select pg_advisory_xact_lock(101)`;
      });
      return json({ ok: true });
    });
    await ready;
    // The other session now waits for 102 while the transaction waits for 101: PostgreSQL ends one of them.
    const otherSide = other.query("select pg_advisory_xact_lock(102)").then(
      () => "won",
      (error: { code?: string }) => error.code,
    );
    const answer = await response;
    expect(await otherSide).toBe("won");
    await other.query("commit");
    expect(answer.status).toBe(409);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/try again/i);
  });

  it("answers a statement the server cancelled for its time limit with 503", async () => {
    const response = await call(async () => {
      await db().$transaction(async (tx) => {
        await tx.$executeRaw`set local statement_timeout = 50`;
        await tx.$executeRaw`select pg_sleep(2)`;
      });
      return json({ ok: true });
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/taking too long/);
  });

  it("keeps a mistake in a statement a 500", async () => {
    const response = await call(async () => {
      await db().$executeRawUnsafe("select * from no_such_table_here");
      return json({ ok: true });
    });
    expect(response.status).toBe(500);
  });
});
