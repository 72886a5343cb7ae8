// Pagination cursors come back from clients: forged ones (integers past int4, reals past float4 or double,
// dates outside what JavaScript or PostgreSQL hold, wrong modes, ids that are not uuids) must be a 400 on
// every list, never a database error.
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { listInterviews } from "@/lib/data/interview-history";
import { listNotes, saveNote } from "@/lib/data/notes";
import { listQuestions } from "@/lib/data/questions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

let userId = "";

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  userId = (await userFactory()).id;
  const question = await db().question.findFirstOrThrow({ select: { slug: true } });
  await saveNote(userId, question.slug, { content: "A note about middleware and caching.", revision: 0 });
});

const extremeNumber = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    -1,
    0,
    -0,
    0.5,
    1e308,
    -1e308,
    3.5e38,
    1e-320,
    8.64e15,
    8.64e15 + 1,
    -8.64e15,
    253_402_300_800_000,
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt().map(Number),
);
const key = fc.oneof(extremeNumber, fc.string(), fc.constant(null), fc.boolean(), fc.constant("1e400"));
const slug = fc.oneof(
  fc.constantFrom("a", "filler-01", "00000000-0000-4000-8000-000000000000", "'; drop table x; --", "", "x".repeat(300)),
  fc.uuid(),
  fc.string(),
);
const mode = fc.constantFrom("rank", "topic", "edited", "started", "other");

/** A cursor as a client could forge it: JSON (with numbers past double range spelled out), base64url. */
const forged = fc
  .record({ mode, key, slug }, { requiredKeys: [] })
  .map((c) => JSON.stringify(c).replace('"1e400"', "1e400"))
  .map((json) => Buffer.from(json).toString("base64url"));

async function outcome(run: () => Promise<unknown>): Promise<"ok" | "invalid"> {
  try {
    await run();
    return "ok";
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return "invalid";
    throw error; // a database or other error: the bug this file guards against
  }
}

describe("forged pagination cursors", () => {
  it("are refused with a validation error (or read as a valid page) by every list, never a database error", async () => {
    const cursors = fc.sample(forged, { numRuns: 150, seed: 20261206 });
    const seen = new Set<string>();
    for (const cursor of cursors) {
      for (const run of [
        () => listQuestions({ cursor, limit: 5 }),
        () => listQuestions({ q: "middleware", cursor, limit: 5 }),
        () => listNotes(userId, { cursor, limit: 5 }),
        () => listNotes(userId, { q: "middleware", cursor, limit: 5 }),
        () => listInterviews(userId, { cursor, limit: 5 }),
      ]) {
        seen.add(await outcome(run));
      }
    }
    expect(seen).toContain("invalid");
  });

  it.each([
    ["an int4 overflow in topic order", { mode: "topic", key: 2 ** 31, slug: "a" }],
    ["a rank past float4", { mode: "rank", key: 1e308, slug: "a" }],
    ["an edit time before year 0", { mode: "edited", key: -8.64e15, slug: "00000000-0000-4000-8000-000000000000" }],
  ])("refuses %s", async (_name, cursor) => {
    const value = Buffer.from(JSON.stringify(cursor)).toString("base64url");
    const run =
      cursor.mode === "edited"
        ? () => listNotes(userId, { cursor: value, limit: 5 })
        : () => listQuestions({ q: cursor.mode === "rank" ? "middleware" : undefined, cursor: value, limit: 5 });
    expect(await outcome(run)).toBe("invalid");
  });

  it("pages through the user's interviews with the new cursor", async () => {
    const first = await listInterviews(userId, { limit: 1 });
    expect(first.items).toEqual([]);
    expect(first.nextCursor).toBeNull();
  });
});
