// Markdown -> sanitized HTML tree, shared by the server's render worker (which adds Shiki, lib/content/markdown/
// worker.ts) and the browser's live preview (lib/content/markdown/preview-worker.ts): GitHub-flavoured (tables,
// strikethrough, footnotes), raw HTML dropped, the tree sanitized with rehype-sanitize's GitHub-like
// allow-list, nesting capped (lib/content/markdown/depth.ts), footnote links pointing at their targets
// (lib/content/markdown/ids.ts). Both run it off the main thread under a time limit: it is not linear in every
// input (a run of `**_` takes time quadratic in its length).
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { capLineNesting, remarkCapDepth } from "./depth";
import { rehypeDocumentIds } from "./ids";

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w+-]+$/]] as NonNullable<
      SanitizeSchema["attributes"]
    >[string],
  },
};

/** Parse, cap, convert, sanitize, fix ids: a processor to which the caller adds highlighting and a stringifier. */
export function markdownToSafeHast() {
  return (
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkCapDepth)
      // Raw HTML in the markdown is dropped, not passed through. Ids get no prefix here: the sanitizer adds it.
      .use(remarkRehype, { clobberPrefix: "" })
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeDocumentIds)
  );
}

/** What the parser is given: the text with container markers past the depth cap removed. */
export const prepareMarkdown = capLineNesting;

const plain = markdownToSafeHast().use(rehypeStringify).freeze();

/** Sanitized HTML without syntax highlighting (the live preview). Synchronous: call it off the main thread. */
export function renderSafeMarkdown(markdown: string): string {
  return String(plain.processSync(prepareMarkdown(markdown)));
}
