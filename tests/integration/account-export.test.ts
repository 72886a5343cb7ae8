// GET /api/me/export of a large account is a stream read from the database in batches: while 40+ MB go out,
// the live heap stays within a few batches. Before, the whole document was built in memory as one string.
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";
import { exportAs } from "../support/account-documents";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const MB = 2 ** 20;

let userId: string;

/** 2,000 interviews of 10 answers of 2 KB (40 MB of answers) and 20,000 ratings, written by SQL in seconds. */
beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  userId = (await userFactory()).id;
  await db().$executeRaw`
    insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, "topicId", tags, "estimatedMinutes", source, "updatedAt")
    select gen_random_uuid(), 'big-' || g, 'Big question ' || g, 'Explain it.', 'The model answer.', array['one', 'two', 'three'], 'MEDIUM',
           (select id from "Topic" order by "order" limit 1), array['big'], 5, 'test', now()
    from generate_series(1, 10) g`;
  await db().$executeRaw`
    insert into "Interview" (id, "userId", title, mode, status, seed, "topicFocus", "timeMultiplier", "startedAt", "endedAt", "updatedAt")
    select gen_random_uuid(), ${userId}::uuid, 'Big', 'PRACTICE', 'FINISHED', g, '{}', 1, timestamptz '2026-01-01' + g * interval '1 hour',
           timestamptz '2026-01-01' + g * interval '1 hour' + interval '30 minutes', now()
    from generate_series(1, 2000) g`;
  await db().$executeRaw`
    insert into "InterviewQuestion" (id, "interviewId", "questionId", position, content, "updatedAt")
    select gen_random_uuid(), i.id, q.id, q.n - 1, repeat(md5(i.id::text || q.n), 64), now()
    from "Interview" i cross join (select id, row_number() over (order by slug)::int as n from "Question" where slug like 'big-%') q
    where i."userId" = ${userId}::uuid`;
  await db().$executeRaw`
    insert into "ReviewLog" (id, "userId", "questionId", rating, source, "reviewedAt", due)
    select gen_random_uuid(), ${userId}::uuid, (select id from "Question" where slug = 'big-1'), 'GOOD', 'REVIEW',
           timestamptz '2026-01-01' + g * interval '1 minute', timestamptz '2026-01-02' + g * interval '1 minute'
    from generate_series(1, 20000) g`;
}, 120_000);

/** Asks for the export and reads its body chunk by chunk; its size, and the most the live heap grew meanwhile. */
async function drain(
  format: string,
): Promise<{ response: Response; bytes: number; grewMb: number; head: string; tail: string }> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const response = await exportAs(userId, format);
  expect(response.body).toBeInstanceOf(ReadableStream);
  gc();
  let grown = process.memoryUsage().heapUsed - baseline;
  let bytes = 0;
  let next = 4 * MB;
  let head = "";
  let tail = "";
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (head.length < 200) head += decoder.decode(chunk.subarray(0, 200));
    tail = decoder.decode(chunk.subarray(Math.max(0, chunk.byteLength - 200)));
    if (bytes >= next) {
      gc();
      grown = Math.max(grown, process.memoryUsage().heapUsed - baseline);
      next += 4 * MB;
    }
  }
  return { response, bytes, grewMb: grown / MB, head, tail };
}

describe("the export of a large account", () => {
  it("streams JSON: 40+ MB out, the live heap grows by a few batches at most", async () => {
    const { response, bytes, grewMb, head, tail } = await drain("json");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    console.info(`JSON export: ${(bytes / MB).toFixed(1)} MB streamed, live heap grew ${grewMb.toFixed(1)} MB at most`);
    expect(bytes).toBeGreaterThan(40 * MB);
    expect(grewMb).toBeLessThan(20);
    expect(head).toMatch(/^\{"format":"mockroom-export","version":1,/);
    expect(tail).toMatch(/\n\]\n\}\n$/);
  }, 120_000);

  it("streams Markdown the same way, model answers included", async () => {
    const { bytes, grewMb, head } = await drain("markdown");
    console.info(
      `Markdown export: ${(bytes / MB).toFixed(1)} MB streamed, live heap grew ${grewMb.toFixed(1)} MB at most`,
    );
    expect(bytes).toBeGreaterThan(40 * MB);
    expect(grewMb).toBeLessThan(20);
    expect(head).toMatch(/^# Mockroom export for /);
  }, 120_000);
});

describe("downloads being written at once", () => {
  it("one per user and a few per process (429 with Retry-After beyond), each released when it ends or its client leaves", async () => {
    const first = await exportAs(userId);
    expect(first.status).toBe(200);
    const again = await exportAs(userId);
    expect(again.status).toBe(429);
    expect(again.headers.get("retry-after")).toBe("10");
    await first.body!.cancel(); // the client left
    const others = await Promise.all(Array.from({ length: 4 }, async () => exportAs((await userFactory()).id)));
    expect(others.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const fifth = await exportAs((await userFactory()).id);
    expect(fifth.status).toBe(429);
    for (const response of others) await response.text(); // read to the end
    const sixth = await exportAs((await userFactory()).id, "markdown");
    expect(sixth.status).toBe(200);
    await sixth.text();
  });
});
