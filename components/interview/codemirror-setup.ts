// CodeMirror 6 and its languages: loaded on demand by AnswerEditor, so pages do not wait for the editor's
// ~200 KB before they are interactive (the plain textarea it shows first already accepts typing).
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { PostgreSQL, sql } from "@codemirror/lang-sql";
import { indentWithTab } from "@codemirror/commands";
import { HighlightStyle, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorSelection, EditorState, Text } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, placeholder as placeholderExtension } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import { minimalSetup } from "codemirror";
import { markdownKeys } from "./markdown-keys";

const theme = EditorView.theme({
  "&": { fontSize: "14px", minHeight: "16rem", backgroundColor: "transparent" },
  ".cm-content": { fontFamily: "var(--font-mono)", padding: "12px 0" },
  ".cm-gutters": { backgroundColor: "transparent", border: "none" },
  "&.cm-focused": { outline: "none" },
});

// Syntax colours as CSS variables (app/globals.css), so light and dark mode each get colours with AA
// contrast; CodeMirror's default style is made for white backgrounds and fails axe in dark mode.
const highlight = HighlightStyle.define([
  { tag: t.meta, color: "var(--cm-meta)" },
  { tag: t.link, textDecoration: "underline" },
  { tag: t.heading, textDecoration: "underline", fontWeight: "bold" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strong, fontWeight: "bold" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: t.keyword, color: "var(--cm-keyword)" },
  { tag: [t.atom, t.bool, t.url, t.contentSeparator, t.labelName], color: "var(--cm-atom)" },
  { tag: [t.literal, t.inserted], color: "var(--cm-literal)" },
  { tag: [t.string, t.deleted], color: "var(--cm-string)" },
  { tag: [t.regexp, t.escape, t.special(t.string)], color: "var(--cm-escape)" },
  {
    tag: [t.definition(t.variableName), t.definition(t.propertyName), t.function(t.variableName)],
    color: "var(--cm-definition)",
  },
  { tag: [t.typeName, t.namespace, t.className], color: "var(--cm-type)" },
  { tag: [t.special(t.variableName), t.macroName, t.processingInstruction], color: "var(--cm-special)" },
  { tag: t.comment, color: "var(--cm-comment)", fontStyle: "italic" },
  { tag: t.invalid, color: "var(--cm-invalid)" },
]);

// Lezer's markdown parser takes time superlinear in the length of a block for some texts (a 100 KB run of
// `**_`: 11 s; 50,000 nested quotes overflow its stack), and CodeMirror can pause it only between blocks.
// A document with a block (lines with no blank one between them) longer than this is edited without markdown
// highlighting: each step of the parse then stays under about 50 ms, so no text freezes the page.
export const HIGHLIGHTED_BLOCK_MAX = 5_000;

export function highlightable(doc: Text): boolean {
  let block = 0;
  for (const lines = doc.iterLines(); !lines.next().done;) {
    if (!/\S/.test(lines.value)) block = 0;
    else if ((block += lines.value.length + 1) > HIGHLIGHTED_BLOCK_MAX) return false;
  }
  return true;
}

/** Markdown highlighting while the document is highlightable(), switched off and on as it changes. */
function guardedMarkdown(doc: string) {
  const language = markdown({ addKeymap: false }); // ./markdown-keys.ts has the keys, on whatever the highlighting
  const slot = new Compartment();
  const on = (state: EditorState) => slot.get(state) === language;
  return [
    slot.of(highlightable(Text.of(doc.split("\n"))) ? language : []),
    // Off in the transaction that makes a block too long, before anything parses it.
    EditorState.transactionExtender.of((tr) =>
      tr.docChanged && on(tr.startState) && !highlightable(tr.newDoc) ? { effects: slot.reconfigure([]) } : null,
    ),
    // On again in a transaction of its own: CodeMirror builds a reconfigured state's fields on the document as
    // it was before the transaction's changes, which here is the one too long to parse.
    EditorView.updateListener.of((update) => {
      if (!update.docChanged || on(update.state) || !highlightable(update.state.doc)) return;
      queueMicrotask(() => {
        if (!on(update.view.state) && highlightable(update.view.state.doc))
          update.view.dispatch({ effects: slot.reconfigure(language) });
      });
    }),
  ];
}

/**
 * Python as the starter code is written: 4 spaces per level, after a `:` too, and Tab / Shift+Tab indent and
 * dedent. Escape then Tab still leaves the editor (CodeMirror's documented escape from an editor that handles
 * Tab), which the hint the editor is described by tells.
 */
export const pythonEditing = () => [python(), indentUnit.of("    "), keymap.of([indentWithTab])];

/** SQL in PostgreSQL's dialect, 2 spaces per level, Tab indenting as in Python (Escape then Tab leaves). */
export const sqlEditing = () => [sql({ dialect: PostgreSQL }), indentUnit.of("  "), keymap.of([indentWithTab])];

export type EditorOptions = {
  parent: HTMLElement;
  doc: string;
  language: "markdown" | "python" | "sql";
  label: string;
  /** What the empty editor says: what the field is for. */
  placeholder: string;
  /** The id of the text that says how the editor's keys work (Tab indents code, Escape then Tab leaves). */
  describedBy?: string;
  readOnly: boolean;
  /** Where the cursor goes, and whether the editor takes the focus (it replaces a focused textarea). */
  selection?: { anchor: number; head: number; focus: boolean };
  onChange: (value: string) => void;
  onBlur: () => void;
};

export type EditorHandle = {
  setValue(value: string): void;
  setReadOnly(readOnly: boolean): void;
  destroy(): void;
};

export function createEditor(options: EditorOptions): EditorHandle {
  const editable = new Compartment();
  const clamp = (n: number) => Math.max(0, Math.min(n, options.doc.length));
  const state = EditorState.create({
    doc: options.doc,
    selection: options.selection
      ? EditorSelection.single(clamp(options.selection.anchor), clamp(options.selection.head))
      : undefined,
    extensions: [
      minimalSetup, // history, default keys (in markdown, Tab moves focus: no keyboard trap), selection drawing
      theme,
      syntaxHighlighting(highlight),
      options.language === "python"
        ? [pythonEditing(), lineNumbers()]
        : options.language === "sql"
          ? [sqlEditing(), lineNumbers()]
          : [guardedMarkdown(options.doc), markdownKeys, EditorView.lineWrapping],
      placeholderExtension(options.placeholder),
      editable.of(EditorState.readOnly.of(options.readOnly)),
      // tabindex keeps a read-only editor (a finished interview) reachable by keyboard, so its scrollable
      // area can be scrolled without a mouse (axe: scrollable-region-focusable).
      EditorView.contentAttributes.of({
        "aria-label": options.label,
        tabindex: "0",
        ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
        if (update.focusChanged && !update.view.hasFocus) options.onBlur();
      }),
    ],
  });
  const view = new EditorView({ state, parent: options.parent });
  if (options.selection?.focus) {
    // It replaces a textarea being typed in: the cursor stays in sight (the textarea scrolled inside itself; the
    // editor grows with its text, so the end of a long one would otherwise be below the fold) and keeps the focus.
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: "nearest" }) });
    view.focus();
  }
  return {
    setValue(value) {
      if (view.state.doc.toString() !== value)
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    setReadOnly(readOnly) {
      view.dispatch({ effects: editable.reconfigure(EditorState.readOnly.of(readOnly)) });
    },
    destroy() {
      view.destroy();
    },
  };
}
