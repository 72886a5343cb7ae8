// The server half of autosave: one compare-and-set per save, 409 CONFLICT with the stored version when the
// client's revision is stale, and exactly one winner when saves on the same revision race.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { saveWithRevision, writeDocument } from "@/lib/data/save-with-revision";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

let questionId = "";
const now = new Date("2026-03-01T09:00:00Z");

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  questionId = (await db().question.findFirstOrThrow({ select: { id: true }, orderBy: { slug: "asc" } })).id;
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("saveWithRevision", () => {
  it("answers what the write answered, without reading what is stored", async () => {
    let reads = 0;
    const saved = await saveWithRevision(
      async () => ({ revision: 4 }),
      async () => (reads++, { content: "x", revision: 3 }),
      "changed",
    );
    expect(saved).toEqual({ revision: 4 });
    expect(reads).toBe(0);
  });

  it("fails a write that matched nothing with 409 CONFLICT carrying the stored version", async () => {
    const error = await failure(
      saveWithRevision(
        async () => undefined,
        async () => ({ content: "stored", revision: 7 }),
        "This note was changed elsewhere.",
      ),
    );
    expect([error.code, error.status, error.message]).toEqual(["CONFLICT", 409, "This note was changed elsewhere."]);
    expect(error.extra).toEqual({ current: { content: "stored", revision: 7 } });
  });

  it("reports nothing stored as the empty text at revision 0, and lets the read give a better reason", async () => {
    expect(
      (
        await failure(
          saveWithRevision(
            async () => undefined,
            async () => null,
            "changed",
          ),
        )
      ).extra,
    ).toEqual({ current: { content: "", revision: 0 } });
    const timeUp = new AppError("TIME_UP", "Time is up.");
    expect(
      (
        await failure(
          saveWithRevision(
            async () => undefined,
            () => Promise.reject(timeUp),
            "changed",
          ),
        )
      ).code,
    ).toBe("TIME_UP");
  });
});

describe.each(["note", "practice"] as const)("writeDocument (%s)", (kind) => {
  const stored = async (userId: string) =>
    kind === "note"
      ? (await db().note.findUnique({ where: { userId_questionId: { userId, questionId } } }))?.content
      : (await db().practiceAnswer.findUnique({ where: { userId_questionId: { userId, questionId } } }))?.draft;

  it("creates at revision 0, updates only from the stored revision, and never overwrites on a stale one", async () => {
    const { id: userId } = await userFactory();
    const created = await writeDocument(kind, userId, questionId, { content: "first", revision: 0 }, now);
    expect(created?.revision).toBe(1);
    expect(
      await writeDocument(kind, userId, questionId, { content: "second create", revision: 0 }, now),
    ).toBeUndefined();
    expect(await writeDocument(kind, userId, questionId, { content: "second", revision: 1 }, now)).toEqual({
      id: created!.id,
      revision: 2,
    });
    expect(await writeDocument(kind, userId, questionId, { content: "stale tab", revision: 1 }, now)).toBeUndefined();
    expect(await writeDocument(kind, userId, questionId, { content: "ahead", revision: 5 }, now)).toBeUndefined();
    expect(await stored(userId)).toBe("second");
  });

  it("lets exactly one of five racing saves on the same revision win", async () => {
    const { id: userId } = await userFactory();
    await writeDocument(kind, userId, questionId, { content: "base", revision: 0 }, now);
    const texts = ["a", "b", "c", "d", "e"];
    const results = await Promise.all(
      texts.map((content) => writeDocument(kind, userId, questionId, { content, revision: 1 }, now)),
    );
    const winners = results.flatMap((r, i) => (r ? [texts[i]] : []));
    expect(winners).toHaveLength(1);
    expect(results.find(Boolean)?.revision).toBe(2);
    expect(await stored(userId)).toBe(winners[0]);
  });

  it("writes only the caller's own row", async () => {
    const [owner, other] = [await userFactory(), await userFactory()];
    await writeDocument(kind, owner.id, questionId, { content: "mine", revision: 0 }, now);
    expect(await writeDocument(kind, other.id, questionId, { content: "theirs", revision: 1 }, now)).toBeUndefined();
    expect(await stored(owner.id)).toBe("mine");
    expect(await stored(other.id)).toBeUndefined();
  });
});
