// Enter and typing in the markdown editors (written answers, practice drafts, notes), as GitHub's and Notion's
// editors behave: lists continue on Enter (CodeMirror's insertNewlineContinueMarkup), Enter on an empty item ends
// the list with a blank line, retyping the marker Enter just added does not double it, and Enter after an
// opening code fence closes it.
import { deleteMarkupBackward, insertNewlineContinueMarkupCommand } from "@codemirror/lang-markdown";
import {
  EditorState,
  Prec,
  StateEffect,
  StateField,
  type StateCommand,
  type Text,
  type Transaction,
} from "@codemirror/state";
import { keymap } from "@codemirror/view";

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

/**
 * The closing fence for the fence opened on line `lineNumber`, or null when that line opens no fence (it is
 * text, or it closes one opened above) or a later line already closes it. Fences follow CommonMark: the same
 * character, at least as long, nothing after it; a backtick fence's info string has no backtick.
 */
export function unclosedFence(doc: Text, lineNumber: number): string | null {
  let open: { char: string; length: number } | null = null;
  let opened: string | null = null;
  for (let n = 1; n <= doc.lines; n++) {
    const match = FENCE.exec(doc.line(n).text);
    if (!match) continue;
    const [, indent, fence, rest] = match as unknown as [string, string, string, string];
    if (open) {
      if (fence[0] === open.char && fence.length >= open.length && !rest.trim()) {
        if (opened !== null) return null; // ours is closed further down
        open = null;
      }
    } else if (fence[0] !== "`" || !rest.includes("`")) {
      open = { char: fence[0]!, length: fence.length };
      if (n === lineNumber) opened = indent + fence;
    }
    if (n >= lineNumber && opened === null) return null;
  }
  return opened;
}

/** Enter at the end of a line that opens a fence nothing closes: the cursor on a new line, the fence closed below. */
export const closeCodeFence: StateCommand = ({ state, dispatch }) => {
  const { main } = state.selection;
  if (state.readOnly || state.selection.ranges.length > 1 || !main.empty) return false;
  const line = state.doc.lineAt(main.head);
  if (main.head !== line.to) return false;
  const fence = unclosedFence(state.doc, line.number);
  if (fence === null) return false;
  const indent = /^\s*/.exec(fence)![0];
  dispatch(
    state.update({
      changes: { from: main.head, insert: `\n${indent}\n${fence}` },
      selection: { anchor: main.head + 1 + indent.length },
      scrollIntoView: true,
      userEvent: "input",
    }),
  );
  return true;
};

const MARKER = /(?:[-+*>]|\d{1,9}[.)]) $/;
const TYPED_MARKER = /^(?:[-+*>]|\d{1,9}[.)])$/;
const MARKER_PREFIX = /^(?:[-+*>]|\d{0,9}[.)]?)$/;

/** Where Enter has just put list or quote markup: the cursor's line's last marker (with its space), if any. */
const continued = StateEffect.define<{ from: number; to: number }>();

const continuedMarker = StateField.define<{ from: number; to: number } | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(continued)) return effect.value;
    if (!value) return null;
    const from = tr.changes.mapPos(value.from, 1);
    const to = tr.changes.mapPos(value.to, -1);
    const head = tr.state.selection.main.head;
    const line = tr.state.doc.lineAt(head);
    // Kept while the user types what could be the start of a marker right after it, at the end of its line.
    if (to - from !== value.to - value.from || head < to || head !== line.to || line.from > from) return null;
    return MARKER_PREFIX.test(tr.state.sliceDoc(to, head)) ? { from, to } : null;
  },
});

/** Typing a marker and its space right after the one Enter added replaces that one ("- " + "- b" is "- b"). */
const absorbRetypedMarker = EditorState.transactionFilter.of((tr) => {
  if (!tr.isUserEvent("input.type")) return tr;
  const marker = tr.startState.field(continuedMarker, false);
  const { main } = tr.startState.selection;
  if (!marker || !main.empty || tr.startState.selection.ranges.length > 1) return tr;
  let typedSpace = true;
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    typedSpace &&= fromA === main.head && toA === main.head && inserted.toString() === " ";
  });
  const typed = tr.startState.sliceDoc(marker.to, main.head);
  if (!typedSpace || !TYPED_MARKER.test(typed)) return tr;
  return {
    changes: { from: marker.from, to: main.head, insert: `${typed} ` },
    selection: { anchor: marker.from + typed.length + 1 },
    userEvent: "input.type",
  };
});

const continueMarkup = insertNewlineContinueMarkupCommand({ nonTightLists: false });

/**
 * Enter in markdown: continues the list or quote (CodeMirror's command). On an empty item, where that command
 * removes the marker and leaves the cursor on the emptied line, a newline follows, so what is typed next starts a
 * paragraph after a blank line instead of continuing the last item ("- b\nnext" renders "b next").
 */
export const continueMarkdownMarkup: StateCommand = ({ state, dispatch }) => {
  let result: Transaction | null = null;
  if (!continueMarkup({ state, dispatch: (tr) => (result = tr) }) || !result) return false;
  const tr: Transaction = result;
  const head = tr.state.selection.main.head;
  const line = tr.state.doc.lineAt(head);
  const ended = tr.state.doc.lines === state.doc.lines && !line.text.trim() && state.selection.ranges.length === 1;
  const marker = MARKER.exec(tr.state.sliceDoc(line.from, head));
  dispatch(
    state.update(
      { changes: tr.changes, selection: tr.selection, scrollIntoView: true, userEvent: "input" },
      ended
        ? { changes: { from: head, insert: "\n" }, selection: { anchor: head + 1 }, sequential: true }
        : { effects: marker ? continued.of({ from: head - marker[0].length, to: head }) : [] },
    ),
  );
  return true;
};

/** The markdown editors' keys and typing rules; they do nothing where the document is not markdown. */
export const markdownKeys = [
  continuedMarker,
  absorbRetypedMarker,
  Prec.high(
    keymap.of([
      { key: "Enter", run: (view) => closeCodeFence(view) || continueMarkdownMarkup(view) },
      { key: "Backspace", run: deleteMarkupBackward },
    ]),
  ),
];
