import "server-only";
// Markdown -> safe HTML on the server, for every text a page shows (prompts, model answers, company notes,
// users' answers): plain prose made on the spot (lib/content/markdown/prose.ts), the rest rendered by the worker
// pool (lib/content/markdown/pool.ts), kept by the SHA-256 of the text in a cache bounded in bytes, so a text is
// rendered once per process however often its pages are served.
// A text that cannot be rendered in time (or at all) is shown as plain text with a note, and that is kept
// too, for a while, so a pathological text costs one time limit, not one per page view. A text given up
// because the pool was busy is kept only for half a minute: a view after that tries again.
import crypto from "node:crypto";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { logger } from "../../logger";
import { plainTextHtml } from "./fallback";
import { createMarkdownPool, defaultThreads, type MarkdownPool } from "./pool";
import { proseHtml } from "./prose";

/** Bytes of HTML kept (as UTF-16 in memory). */
const CACHE_BYTES = 32 * 1024 * 1024;
/** How long a fallback is kept before the text is tried again (it may have lost to a busy machine). */
const RETRY_FALLBACK_AFTER_MS = 10 * 60_000;
/** How long a text given up because every worker was busy is shown plain before it is queued again. */
const RETRY_BUSY_AFTER_MS = 30_000;

/**
 * A time limit that grows with the text: 100 KB of ordinary markdown renders in 0.6-1.3 s on a busy 2-core
 * machine (docs/performance.md), so it gets 3 s; the inputs that would take the parser minutes stop there.
 */
export const RENDER_LIMITS = { timeLimitMs: 500, timeLimitMsPerKb: 25, maxWaitMs: 5_000, maxQueue: 200 } as const;

/**
 * The worker module. `process.env.NODE_ENV` is the build's mode here (Next inlines it): a production build
 * runs the bundle lib/cli/serve.ts writes next to it, development and the tests run the source with tsx.
 */
function workerModule(): { filename: string; execArgv?: string[] } {
  if (process.env.NODE_ENV === "production")
    return { filename: path.join(process.cwd(), ".next", "mockroom", "markdown-worker.cjs") };
  return {
    filename: path.join(process.cwd(), "lib", "content", "markdown", "worker.ts"),
    execArgv: ["--import", "tsx"],
  };
}

// One pool and one cache of rendered texts per process, also when a development server re-evaluates this module
// and when the server runs it twice (the API router's bundle and Next's): a text is never rendered twice.
const shared = globalThis as typeof globalThis & {
  mockroomMarkdownPool?: MarkdownPool;
  mockroomRenderedMarkdown?: LRUCache<string, string, string>;
};
const pool = () =>
  (shared.mockroomMarkdownPool ??= createMarkdownPool({
    ...workerModule(),
    ...RENDER_LIMITS,
    threads: defaultThreads(),
  }));

const rendered = (shared.mockroomRenderedMarkdown ??= new LRUCache<string, string, string>({
  maxSize: CACHE_BYTES,
  sizeCalculation: (html, key) => 2 * (html.length + key.length),
  fetchMethod: async (_key, _stale, { context: text, options }) => {
    const outcome = await pool().render(text);
    if ("html" in outcome) return outcome.html;
    logger.warn("markdown shown as plain text", {
      reason: outcome.fallback,
      length: text.length,
      renderMs: outcome.renderMs,
    });
    // Given up for want of a worker: kept briefly, so reloading a page of such texts does not queue them again.
    options.ttl = outcome.fallback === "busy" ? RETRY_BUSY_AFTER_MS : RETRY_FALLBACK_AFTER_MS;
    return plainTextHtml(text);
  },
}));

/** Sanitized HTML for `markdown`, or its plain-text fallback. Never throws, never blocks the event loop on the text. */
export async function renderMarkdown(markdown: string): Promise<string> {
  // Plain prose needs no parser: the same HTML, made here in microseconds (lib/content/markdown/prose.ts).
  const prose = proseHtml(markdown);
  if (prose !== null) return prose;
  const key = crypto.createHash("sha256").update(markdown).digest("base64url");
  // A fetch still running when its entry is evicted (a full cache) is aborted: shown plain, not kept.
  const html = await rendered.fetch(key, { context: markdown }).catch(() => undefined);
  return html ?? plainTextHtml(markdown);
}

/** Starts the first worker (and its Shiki) with the server, not with the first page that shows markdown. */
export function startMarkdownWorkers(): void {
  pool();
}

/** Stops the workers (tests; the server's own exit stops them anyway). */
export async function stopMarkdownWorkers(): Promise<void> {
  const running = shared.mockroomMarkdownPool;
  shared.mockroomMarkdownPool = undefined;
  await running?.destroy();
}
