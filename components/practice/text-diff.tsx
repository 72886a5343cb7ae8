"use client";

import { diffWordsWithSpace } from "diff";
import { useMemo } from "react";
import { useFormat } from "@/components/ui/format-provider";

/** A word diff: removed words struck through in red, added ones underlined in green (and announced as such). */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const format = useFormat();
  const parts = useMemo(() => diffWordsWithSpace(before, after), [before, after]);
  const added = parts
    .filter((p) => p.added)
    .reduce((n, p) => n + p.value.trim().split(/\s+/).filter(Boolean).length, 0);
  const removed = parts
    .filter((p) => p.removed)
    .reduce((n, p) => n + p.value.trim().split(/\s+/).filter(Boolean).length, 0);
  return (
    <figure className="space-y-2" data-testid="text-diff">
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        {format.count(added, "word")} added, {format.number(removed)} removed
      </figcaption>
      <pre className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-white p-3 text-sm whitespace-pre-wrap dark:border-slate-800 dark:bg-slate-900">
        {parts.map((part, i) =>
          part.added ? (
            <ins
              key={i}
              className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200"
            >
              <span className="sr-only">[added: </span>
              {part.value}
              <span className="sr-only">]</span>
            </ins>
          ) : part.removed ? (
            <del key={i} className="bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200">
              <span className="sr-only">[removed: </span>
              {part.value}
              <span className="sr-only">]</span>
            </del>
          ) : (
            <span key={i}>{part.value}</span>
          ),
        )}
      </pre>
    </figure>
  );
}
