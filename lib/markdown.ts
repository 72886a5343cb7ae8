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
import { sanitizeSchema as schema } from "./markdown-safe";

const LANGUAGES = ["python", "bash", "shell", "json", "sql", "yaml", "html", "javascript", "typescript", "ini", "dockerfile", "nginx", "toml", "diff"];

let highlighter: Promise<Highlighter> | undefined;
function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: ["github-light-high-contrast", "github-dark-high-contrast"], langs: LANGUAGES });
  return highlighter;
}


// Rendered markdown is a pure function of its text: cache recent results (content changes rarely).
const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

export async function renderMarkdown(markdown: string): Promise<string> {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
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
  const html = String(file);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(markdown, html);
  return html;
}
