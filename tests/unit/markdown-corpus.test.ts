import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleMarkdownWorker } from "@/lib/cli/serve";
import { createMarkdownPool, type MarkdownPool, type RenderOutcome } from "@/lib/content/markdown/pool";
import { watchEventLoop } from "../support/event-loop";
import { FRAGMENTS, fill, LIMIT_BYTES, pathologicalCorpus } from "../support/markdown-corpus";

// Every class of pathological markdown at the size users may store, through the render pool as the server
// runs it (the production bundle of lib/content/markdown/worker.ts): each text renders, or is stopped at the time
// limit and shown as plain text, and the event loop of the process asking never waits on any of them. The
// limit is shorter than the server's so the suite takes seconds; what it proves does not depend on it.
const TIME_LIMIT_MS = 150;
/** Timers firing late, and a worker noticing its stop, on a busy 2-core machine. */
const SLACK_MS = 250;
const BLOCKED_MS = 50;
const ACTIVE = /<script|<iframe|<object|<embed|<svg|<form|\son\w+=|javascript:/i;

let dir: string;
let pool: MarkdownPool;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-markdown-"));
  const filename = path.join(dir, "markdown-worker.cjs");
  bundleMarkdownWorker(filename);
  pool = createMarkdownPool({
    filename,
    timeLimitMs: TIME_LIMIT_MS,
    timeLimitMsPerKb: 0,
    maxWaitMs: 120_000,
    maxQueue: 1_000,
    threads: 4,
  });
}, 60_000);
afterAll(async () => {
  await pool?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Renders all `texts` at once, watching this thread's event loop meanwhile. */
async function renderAll(texts: string[]): Promise<{ outcomes: RenderOutcome[]; blockedMs: number }> {
  const loop = watchEventLoop();
  const outcomes = await Promise.all(texts.map((text) => pool.render(text)));
  const { longestBusyMs, longestGapMs } = loop.stop();
  console.log(`event loop: busy at most ${longestBusyMs} ms at a stretch, a tick at most ${longestGapMs} ms late`);
  return { outcomes, blockedMs: longestBusyMs };
}

function expectBounded(outcome: RenderOutcome, what: string) {
  // "busy" would mean the pool gave up waiting, which these generous settings never do.
  expect(["html", "slow", "failed"], what).toContain("html" in outcome ? "html" : outcome.fallback);
  expect(outcome.renderMs, what).toBeLessThanOrEqual(TIME_LIMIT_MS + SLACK_MS);
  if ("html" in outcome) expect(outcome.html, what).not.toMatch(ACTIVE);
}

describe("the render pool under pathological markdown", () => {
  it("renders or gives up on every class within the time limit, and the event loop never waits", async () => {
    const corpus = pathologicalCorpus();
    expect(corpus.every((c) => Buffer.byteLength(c.text) <= LIMIT_BYTES && c.text.length > LIMIT_BYTES * 0.95)).toBe(
      true,
    );
    const { outcomes, blockedMs } = await renderAll(corpus.map((c) => c.text));
    corpus.forEach((c, i) => expectBounded(outcomes[i]!, c.name));
    expect(blockedMs).toBeLessThanOrEqual(BLOCKED_MS);
    // The example: a run of `**_` is stopped (its nested quotes render: tests/unit/markdown.test.ts).
    expect(outcomes[corpus.findIndex((c) => c.name === "`**_` repeated")]).toMatchObject({ fallback: "slow" });
  }, 120_000);

  it("does the same for generated mixtures of delimiters and openers", async () => {
    const units = fc
      .sample(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }), 16)
      .map((parts) => parts.join(""));
    const { outcomes, blockedMs } = await renderAll(units.map((unit) => fill(unit)));
    units.forEach((unit, i) => expectBounded(outcomes[i]!, JSON.stringify(unit)));
    expect(blockedMs).toBeLessThanOrEqual(BLOCKED_MS);
  }, 120_000);
});
