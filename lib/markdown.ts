import "server-only";
// Markdown -> safe HTML, on the server: GitHub-flavoured (tables, strikethrough), raw HTML dropped,
// the tree sanitized with rehype-sanitize's GitHub-like allow-list, then code highlighted by Shiki
// (its output is built from text nodes, so it adds no markup a user controls).
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { createHighlighter, type Highlighter } from "shiki";
import { unified } from "unified";
import { TtlCache } from "./cache";
import { sanitizeSchema as schema } from "./markdown-safe";

const LANGUAGES = ["python", "bash", "shell", "json", "sql", "yaml", "html", "javascript", "typescript", "ini", "dockerfile", "nginx", "toml", "diff"];

let highlighter: Promise<Highlighter> | undefined;
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: ["github-light-high-contrast", "github-dark-high-contrast"], langs: LANGUAGES });
  return highlighter;
}


// Rendered markdown is a pure function of its text: recent results are kept (least recently used out
// first; concurrent renders of one text share the work). 2,000 entries hold the prompt and model answer
// of the 1,000 most visited questions; long texts (rare, and mostly one user's own) are not kept, which
// bounds the cache at a few tens of MB.
const rendered = new TtlCache<string>({ ttlMs: 60 * 60_000, max: 2_000 });
const CACHED_UP_TO = 6_000;

export function renderMarkdown(markdown: string): Promise<string> {
  return markdown.length > CACHED_UP_TO ? render(markdown) : rendered.get(markdown, () => render(markdown));
}

async function render(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype) // raw HTML in the markdown is dropped, not passed through
    .use(rehypeSanitize, schema)
    .use(rehypeShikiFromHighlighter, await getHighlighter(), {
      themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" },
      defaultColor: "light",
      fallbackLanguage: "text",
      defaultLanguage: "text",
    })
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}
