// The render worker: one of lib/content/markdown/pool.ts's worker_threads (Piscina calls the default export per
// task). It writes the time it starts a render into the task's shared stamp, so the pool's time limit
// counts rendering only. A text with code clears the stamp while it waits for Shiki (0.5-1 s to load on a
// busy machine) and for the grammars it needs to compile (once per worker), which the pool counts as waiting
// for a worker, not as rendering; parsing and highlighting share one limit. Texts without code never wait.
import type { Element, Root } from "hast";
import rehypeStringify from "rehype-stringify";
import type { HighlighterCore } from "shiki/core";
import { unified, type Processor } from "unified";
import { loadShiki, warmUp } from "./highlight";
import { markdownToSafeHast, prepareMarkdown } from "./pipeline";

export type RenderTask = { text: string; started: Float64Array };

const toHast = markdownToSafeHast().freeze();
const toHtml = unified().use(rehypeStringify).freeze();
// Shiki loads once the worker has been idle a moment, or when a text first has code. A worker started to
// replace one stopped at the time limit is usually handed the next slow text at once: it does not spend a
// second of CPU on Shiki before that text is stopped too.
type Shiki = { highlighter: HighlighterCore; processor: Processor<undefined, Root, Root, Root, string> };
let shiki: Promise<Shiki> | undefined;
const loadHighlighting = () =>
  (shiki ??= loadShiki().then(({ highlighter, plugin }) => ({
    highlighter,
    processor: unified()
      .use(...plugin)
      .use(rehypeStringify)
      .freeze(),
  })));
const IDLE_MS = 250;
let idle = setTimeout(() => void loadHighlighting().catch(() => undefined), IDLE_MS);

/** The languages of the code blocks in `tree` ("text" for those without one), or null when it has none. */
function codeLanguages(tree: Root): Set<string> | null {
  let languages: Set<string> | null = null;
  const stack: Root["children"] = [...tree.children];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== "element") continue;
    if (node.tagName === "pre") {
      const code = node.children.find(
        (child): child is Element => child.type === "element" && child.tagName === "code",
      );
      const classes = code?.properties.className;
      const language = Array.isArray(classes) ? classes.find((c) => String(c).startsWith("language-")) : undefined;
      (languages ??= new Set()).add(language ? String(language).slice("language-".length) : "text");
    } else for (const child of node.children) stack.push(child);
  }
  return languages;
}

export default async function render(task: RenderTask): Promise<string> {
  clearTimeout(idle);
  try {
    return await renderNow(task);
  } finally {
    if (!shiki) idle = setTimeout(() => void loadHighlighting().catch(() => undefined), IDLE_MS);
  }
}

async function renderNow(task: RenderTask): Promise<string> {
  task.started[0] = Date.now();
  const text = prepareMarkdown(task.text);
  const tree = await toHast.run(toHast.parse(text), text);
  const languages = codeLanguages(tree);
  if (!languages) return toHtml.stringify(tree);
  // The wait for Shiki is not rendering; the time already spent parsing still counts against the limit.
  const spent = Date.now() - task.started[0]!;
  task.started[0] = 0;
  const { highlighter, processor } = await loadHighlighting();
  warmUp(highlighter, languages);
  task.started[0] = Date.now() - spent;
  return processor.stringify(await processor.run(tree));
}
