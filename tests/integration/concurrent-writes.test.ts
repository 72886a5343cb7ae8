// Idempotent writes sent at the same moment (two tabs, a double click, a retry racing the original) all
// succeed: none of them may fail on the unique constraint the first one satisfied.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/http/api";
import { addToSet, createSet, getSet, listBookmarks, setBookmark } from "@/lib/data/sets";
import { addToQueue, rateReview } from "@/lib/data/review";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

let userId = "";
let slugs: string[] = [];

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  userId = (await userFactory()).id;
  slugs = (await db().question.findMany({ select: { slug: true }, orderBy: { slug: "asc" }, take: 3 })).map(
    (q) => q.slug,
  );
});

const times = <T>(n: number, run: () => Promise<T>) => Promise.all(Array.from({ length: n }, run));

describe("concurrent idempotent writes", () => {
  it("bookmark the same question twenty times at once: all succeed, one bookmark", async () => {
    const results = await times(20, () => setBookmark(userId, slugs[0]!, true));
    expect(results.every((r) => r.bookmarked)).toBe(true);
    expect((await listBookmarks(userId)).items.filter((b) => b.slug === slugs[0])).toHaveLength(1);
  });

  it("add the same question to a set twenty times at once: all succeed, one item", async () => {
    const set = await createSet(userId, { name: "Raced", description: "", questions: [] });
    await times(20, () => addToSet(userId, set.id, slugs[1]!));
    expect((await getSet(userId, set.id)).questions.map((q) => q.slug)).toEqual([slugs[1]]);
  });

  it("queue and rate the same question at once: all succeed, one card, every rating logged and applied", async () => {
    await times(10, () => addToQueue(userId, slugs[2]!));
    await times(5, () => rateReview(userId, slugs[2]!, "good"));
    expect(await db().reviewCard.count({ where: { userId } })).toBe(1);
    expect(await db().reviewLog.count({ where: { userId } })).toBe(5);
    // Applied one after the other, none lost: the card counts five reviews.
    expect((await db().reviewCard.findFirstOrThrow({ where: { userId } })).reps).toBe(5);
  });

  it("a unique violation that still escapes is a 409 conflict, not a 500", async () => {
    const error = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    const response = errorResponse(error, new Request("http://localhost/api/x"));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("CONFLICT");
  });
});
