// Pathological markdown through the render pool as the server runs it: the production bundle of the worker
// (built here into a temporary folder) and the server's limits (lib/content/markdown/server.ts). One text at a time,
// so each figure is that text's own. Prints a markdown table for docs/performance.md.
//   npx tsx --conditions=react-server bench/markdown.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundleMarkdownWorker } from "../lib/cli/serve";
import { createMarkdownPool } from "../lib/content/markdown/pool";
import { RENDER_LIMITS } from "../lib/content/markdown/server";
import { watchEventLoop } from "../tests/support/event-loop";
import { fill, pathologicalCorpus } from "../tests/support/markdown-corpus";

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-markdown-bench-"));
  const filename = path.join(dir, "markdown-worker.cjs");
  bundleMarkdownWorker(filename);
  const pool = createMarkdownPool({ filename, ...RENDER_LIMITS, maxWaitMs: 60_000, threads: 2 });
  const cases = [
    ...[24, 48, 100].map((kb) => ({ name: `\`**_\` × ${kb} KB (the issue's example)`, text: fill("**_", kb * 1024) })),
    { name: "`> ` × 10 KB (the issue's example)", text: fill("> ", 10 * 1024) },
    ...pathologicalCorpus(),
  ];
  await pool.render("warm-up"); // the first worker's start is not any text's
  const loop = watchEventLoop();
  console.log(
    "| Text (100 KB unless said) | Outcome | Answer after (ms) | Worker time (ms) |\n| --- | --- | --: | --: |",
  );
  for (const { name, text } of cases) {
    const started = Date.now();
    const outcome = await pool.render(text);
    const kind =
      "html" in outcome
        ? `rendered (${Math.round(outcome.html.length / 1024)} KB of HTML)`
        : `plain text (${outcome.fallback})`;
    console.log(`| ${name} | ${kind} | ${Date.now() - started} | ${outcome.renderMs} |`);
  }
  const { longestBusyMs, longestGapMs } = loop.stop();
  console.log(
    `\nThis thread's event loop: busy at most ${longestBusyMs} ms at a stretch; a 5 ms timer at most ${longestGapMs} ms late.`,
  );
  await pool.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
