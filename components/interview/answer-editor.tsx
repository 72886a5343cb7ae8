"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { EditorHandle } from "./codemirror-setup";

type Props = {
  value: string;
  language: "markdown" | "python" | "sql";
  label: string;
  /** What the empty field is for; by default an answer (markdown) or a solution (Python, SQL). */
  placeholder?: string;
  readOnly?: boolean;
  /** Take the focus when it appears (a question opened from the keyboard). */
  autoFocus?: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
};

const placeholders = {
  markdown: "Write your answer here (markdown works).",
  python: "# Write your solution here",
  sql: "-- Write your query here",
};

const frame =
  "rounded-md border border-slate-300 bg-white focus-within:ring-2 focus-within:ring-brand-500 dark:border-slate-700 dark:bg-slate-900";

/**
 * CodeMirror 6: markdown with soft wrap for written answers, Python or SQL with line numbers for code.
 * The editor's code loads after the page (components/interview/codemirror-setup.ts); until then a plain
 * textarea with the same label takes the typing, and the editor starts from what it holds, with the cursor
 * and focus where they were. The document is owned here; `value` replaces it only when it differs
 * (e.g. a conflict resolved).
 */
export function AnswerEditor({
  value,
  language,
  label,
  placeholder,
  readOnly = false,
  autoFocus = false,
  onChange,
  onBlur,
}: Props) {
  const host = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<EditorHandle | null>(null);
  const latest = useRef({ value, readOnly, onChange, onBlur });
  const [ready, setReady] = useState(false);
  const hint = useId();
  const shown = placeholder ?? placeholders[language];

  useEffect(() => {
    latest.current = { value, readOnly, onChange, onBlur };
  });

  // Before the editor loads: the textarea standing in takes the focus, and the editor inherits it from there.
  const focusOnMount = useRef(autoFocus);
  useEffect(() => {
    if (focusOnMount.current) fallback.current?.focus();
  }, []);

  useEffect(() => {
    let cancelled = false;
    void import("./codemirror-setup").then(({ createEditor }) => {
      if (cancelled || !host.current) return;
      const area = fallback.current;
      const doc = area ? area.value : latest.current.value;
      const selection = area
        ? { anchor: area.selectionStart, head: area.selectionEnd, focus: document.activeElement === area }
        : undefined;
      if (area && area.value !== latest.current.value) latest.current.onChange(area.value);
      // Hidden at once (React removes it on the next render): never two textboxes with one label.
      if (area) area.hidden = true;
      editor.current = createEditor({
        parent: host.current,
        doc,
        language,
        label,
        placeholder: shown,
        describedBy: language !== "markdown" ? hint : undefined,
        readOnly: latest.current.readOnly,
        selection,
        onChange: (next) => latest.current.onChange(next),
        onBlur: () => latest.current.onBlur?.(),
      });
      setReady(true);
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
      setReady(false);
    };
    // The editor is created once per question; later `value` changes are applied below.
  }, [language, label, shown, hint]);

  // Only a new `value` replaces the document (a conflict resolved, another question's text). The editor becoming
  // ready is not one: it starts from what the fallback held, which may be newer than a `value` that has not caught
  // up with the typing yet, and applying that `value` then would erase what was just typed.
  const applied = useRef(value);
  useEffect(() => {
    if (value === applied.current) return;
    applied.current = value;
    editor.current?.setValue(value);
    if (fallback.current && fallback.current.value !== value) fallback.current.value = value;
  }, [value]);

  useEffect(() => {
    editor.current?.setReadOnly(readOnly);
  }, [readOnly, ready]);

  return (
    <div>
      <div className={frame}>
        <div ref={host} />
        {ready ? null : (
          <textarea
            ref={fallback}
            aria-label={label}
            defaultValue={value}
            readOnly={readOnly}
            onChange={(event) => onChange(event.target.value)}
            onBlur={() => onBlur?.()}
            rows={language !== "markdown" ? 14 : 12}
            spellCheck={language === "markdown"}
            className="block min-h-64 w-full resize-y bg-transparent px-3 py-3 font-mono text-sm outline-none"
            placeholder={shown}
          />
        )}
      </div>
      {language !== "markdown" ? (
        // Tab indents in the code editor, so the way out by keyboard is told (WCAG 2.1.2, no keyboard trap).
        <p id={hint} hidden={readOnly} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {readOnly
            ? ""
            : "Tab indents, Shift+Tab dedents. To leave the editor with the keyboard, press Esc, then Tab."}
        </p>
      ) : null}
    </div>
  );
}
