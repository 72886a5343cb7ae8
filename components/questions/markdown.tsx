import { renderMarkdown } from "@/lib/content/markdown/server";
import { CopyCodeButtons } from "./copy-code-buttons";

/** Server-rendered, sanitized markdown (lib/content/markdown/server.ts: in a worker, or plain text with a note), with copy buttons on code blocks. */
export async function Markdown({ source, id }: { source: string; id: string }) {
  const html = await renderMarkdown(source);
  return (
    <>
      <div
        id={id}
        className="prose max-w-none wrap-anywhere prose-slate dark:prose-invert prose-code:before:content-none prose-code:after:content-none prose-pre:relative prose-pre:border prose-pre:border-slate-200 dark:prose-pre:border-slate-800"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <CopyCodeButtons containerId={id} />
    </>
  );
}
