// Markdown -> sanitized HTML without syntax highlighting, usable in the browser (live previews). The server
// renderer (lib/markdown.ts) uses the same allow-list and adds Shiki; both drop raw HTML and active content.
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w+-]+$/]] as NonNullable<SanitizeSchema["attributes"]>[string],
  },
};

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, sanitizeSchema).use(rehypeStringify);

export function renderSafeMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
