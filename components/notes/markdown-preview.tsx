"use client";

import { useDeferredValue, useEffect, useState } from "react";
import { previewRenderer } from "@/lib/content/markdown/preview";

/**
 * Live preview of markdown the user is typing: sanitized (no raw HTML, scripts or event handlers), rendered in
 * a Web Worker under a time limit (lib/content/markdown/preview.ts), so no text can freeze the page.
 */
export function MarkdownPreview({ source, label }: { source: string; label: string }) {
  const deferred = useDeferredValue(source);
  const [shown, setShown] = useState<{ source: string; html: string } | null>(null);
  useEffect(() => {
    if (!deferred.trim()) return;
    const controller = new AbortController();
    void previewRenderer()
      .render(deferred, controller.signal)
      .then((html) => {
        if (html !== null) setShown({ source: deferred, html });
      });
    return () => controller.abort();
  }, [deferred]);
  return (
    <section
      aria-label={label}
      className="min-h-16 min-w-0 rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-700"
    >
      {!deferred.trim() ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">The preview appears here.</p>
      ) : shown ? (
        <div
          className="prose prose-sm max-w-none wrap-anywhere prose-slate dark:prose-invert"
          data-testid="markdown-preview"
          aria-busy={shown.source !== deferred}
          dangerouslySetInnerHTML={{ __html: shown.html }}
        />
      ) : (
        <p className="text-sm text-slate-500 dark:text-slate-400">Rendering the preview…</p>
      )}
    </section>
  );
}
