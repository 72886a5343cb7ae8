// The live preview's renderer, in the browser: texts render in a Web Worker (lib/content/markdown/preview-worker.ts)
// one at a time, each within PREVIEW_TIME_LIMIT_MS from the moment the worker starts it; past it the worker is
// terminated, the text is shown as plain text with a note, and a fresh worker takes the next text. A preview
// that asks again before its turn drops its older request, so typing never queues up work.
import { plainTextHtml } from "./fallback";

export const PREVIEW_TIME_LIMIT_MS = 1_000;
/** A worker that has not started a text this long after it was sent (it could not load) is given up too. */
const START_LIMIT_MS = 15_000;

type Reply = { id: number; started: true } | { id: number; html: string | null };
export type PreviewWorker = Pick<Worker, "postMessage" | "terminate"> & {
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
};

type Job = { id: number; text: string; signal: AbortSignal; resolve: (html: string | null) => void };

export function createPreviewRenderer(spawn: () => PreviewWorker, timeLimitMs = PREVIEW_TIME_LIMIT_MS) {
  let worker: PreviewWorker | null = null;
  let running: (Job & { timer: ReturnType<typeof setTimeout> }) | null = null;
  const queue: Job[] = [];
  const recent = new Map<string, string>();
  let nextId = 1;

  function remember(text: string, html: string) {
    recent.delete(text);
    recent.set(text, html);
    if (recent.size > 20) recent.delete(recent.keys().next().value!);
  }

  function finish(html: string | null) {
    const job = running!;
    running = null;
    clearTimeout(job.timer);
    const shown = html ?? plainTextHtml(job.text);
    remember(job.text, shown);
    job.resolve(job.signal.aborted ? null : shown);
    pump();
  }

  // Nothing else stops a parser that never yields: the worker goes, a fresh one takes the next text.
  function giveUp() {
    worker?.terminate();
    worker = null;
    finish(null);
  }

  function pump() {
    while (!running && queue.length) {
      const job = queue.shift()!;
      if (job.signal.aborted) {
        job.resolve(null);
        continue;
      }
      if (!worker) {
        worker = spawn();
        worker.onmessage = (event) => {
          const reply = event.data;
          if (running?.id !== reply.id) return;
          if ("html" in reply) return finish(reply.html);
          clearTimeout(running.timer);
          running.timer = setTimeout(giveUp, timeLimitMs);
        };
      }
      running = { ...job, timer: setTimeout(giveUp, START_LIMIT_MS) };
      worker.postMessage({ id: job.id, text: job.text });
    }
  }

  return {
    /** HTML for `text` (or its plain-text fallback); null when `signal` was aborted first. */
    render(text: string, signal: AbortSignal): Promise<string | null> {
      const known = recent.get(text);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve) => {
        queue.push({ id: nextId++, text, signal, resolve });
        pump();
      });
    },
  };
}

let shared: ReturnType<typeof createPreviewRenderer> | null = null;

/** The page's renderer, with its worker bundled by Next from lib/content/markdown/preview-worker.ts. */
export function previewRenderer() {
  shared ??= createPreviewRenderer(() => new Worker(new URL("./preview-worker.ts", import.meta.url)) as PreviewWorker);
  return shared;
}
