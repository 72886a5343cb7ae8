"use client";

import { useDeferredValue, useMemo } from "react";
import { renderSafeMarkdown } from "@/lib/markdown/pipeline";

/** Live preview of markdown the user is typing: sanitized (no raw HTML, scripts or event handlers). */
export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const deferred = useDeferredValue(source);
  const html = useMemo(() => renderSafeMarkdown(deferred), [deferred]);
  return (
    <section aria-label={label} className="min-h-16 min-w-0 rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-700">
      {deferred.trim() ? (
        <div className="prose prose-sm prose-slate max-w-none dark:prose-invert" data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">The preview appears here.</p>
      )}
    </section>
  );
}
