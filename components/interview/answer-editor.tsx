"use client";

import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, lineNumbers, placeholder as placeholderExtension } from "@codemirror/view";
import { minimalSetup } from "codemirror";
import { useEffect, useRef } from "react";

type Props = {
  value: string;
  language: "markdown" | "python";
  label: string;
  readOnly?: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
};

const theme = EditorView.theme({
  "&": { fontSize: "14px", minHeight: "16rem", backgroundColor: "transparent" },
  ".cm-content": { fontFamily: "var(--font-mono)", padding: "12px 0" },
  ".cm-gutters": { backgroundColor: "transparent", border: "none" },
  "&.cm-focused": { outline: "none" },
});

/**
 * CodeMirror 6: markdown with soft wrap for written answers, Python with line numbers for code.
 * The document is owned here; `value` replaces it only when it differs (e.g. a conflict resolved).
 */
export function AnswerEditor({ value, language, label, readOnly = false, onChange, onBlur }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onBlur });
  const editable = useRef(new Compartment());

  useEffect(() => {
    callbacks.current = { onChange, onBlur };
  }, [onChange, onBlur]);

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        minimalSetup, // history, default keys (Tab still moves focus: no keyboard trap), selection drawing
        theme,
        language === "python" ? [python(), lineNumbers()] : [markdown(), EditorView.lineWrapping],
        placeholderExtension(language === "python" ? "# Write your solution here" : "Write your answer here (markdown works)."),
        editable.current.of(EditorState.readOnly.of(readOnly)),
        // tabindex keeps a read-only editor (a finished interview) reachable by keyboard, so its scrollable
        // area can be scrolled without a mouse (axe: scrollable-region-focusable).
        EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          if (update.focusChanged && !update.view.hasFocus) callbacks.current.onBlur?.();
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => view.current?.destroy();
    // The editor is created once per question; later `value` changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, label]);

  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [readOnly]);

  return <div ref={host} className="rounded-md border border-slate-300 bg-white focus-within:ring-2 focus-within:ring-brand-500 dark:border-slate-700 dark:bg-slate-900" />;
}
