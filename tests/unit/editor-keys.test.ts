import { indentWithTab, insertNewlineAndIndent } from "@codemirror/commands";
import { markdown } from "@codemirror/lang-markdown";
import { ensureSyntaxTree } from "@codemirror/language";
import { EditorState, Text, type StateCommand } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { pythonEditing } from "@/components/interview/codemirror-setup";
import {
  closeCodeFence,
  continueMarkdownMarkup,
  markdownKeys,
  unclosedFence,
} from "@/components/interview/markdown-keys";

/** An editor state as the markdown editors have it; `|` marks the cursor. */
function markdownState(text: string) {
  const anchor = text.indexOf("|");
  const state = EditorState.create({
    doc: text.replace("|", ""),
    selection: { anchor },
    extensions: [markdown({ addKeymap: false }), markdownKeys],
  });
  ensureSyntaxTree(state, state.doc.length, 5_000);
  return state;
}

const shown = (state: EditorState) => {
  const head = state.selection.main.head;
  return state.sliceDoc(0, head) + "|" + state.sliceDoc(head);
};

function run(state: EditorState, command: StateCommand): EditorState {
  let next = state;
  command({ state, dispatch: (tr) => (next = tr.state) });
  ensureSyntaxTree(next, next.doc.length, 5_000);
  return next;
}

/** Enter as the markdown editors' keymap binds it. */
const enter = (state: EditorState) =>
  run(state, (target) => closeCodeFence(target) || continueMarkdownMarkup(target) || insertNewlineAndIndent(target));

/** Typing, one character at a time, as the browser's input reaches CodeMirror. */
function type(state: EditorState, text: string): EditorState {
  for (const char of text) {
    const head = state.selection.main.head;
    state = state.update({
      changes: { from: head, insert: char },
      selection: { anchor: head + 1 },
      userEvent: "input.type",
    }).state;
  }
  return state;
}

describe("lists in the markdown editors", () => {
  it("continue on Enter, and retyping the marker Enter added does not double it", () => {
    expect(shown(type(enter(markdownState("- a|")), "- b"))).toBe("- a\n- b|");
    expect(shown(type(enter(markdownState("* a|")), "* b"))).toBe("* a\n* b|");
    expect(shown(type(enter(markdownState("1. a|")), "2. b"))).toBe("1. a\n2. b|");
    expect(shown(type(enter(markdownState("> a|")), "> b"))).toBe("> a\n> b|");
    expect(shown(type(enter(markdownState("- a\n  - b|")), "- c"))).toBe("- a\n  - b\n  - c|");
    // Typing on without a marker keeps the continued one.
    expect(shown(type(enter(markdownState("- a|")), "b"))).toBe("- a\n- b|");
    expect(shown(type(enter(markdownState("- a|")), "-b"))).toBe("- a\n- -b|");
  });

  it("keeps a marker the user typed after one they typed themselves (a rule `* * *` is not a list)", () => {
    expect(shown(type(markdownState("|"), "* * *"))).toBe("* * *|");
    expect(shown(type(markdownState("|"), "- - b"))).toBe("- - b|");
    // Once the cursor leaves the continued item, retyping is typing.
    const moved = enter(markdownState("- a|"));
    const away = moved.update({ selection: { anchor: 1 } }).state;
    const back = away.update({ selection: { anchor: moved.doc.length } }).state;
    expect(shown(type(back, "- b"))).toBe("- a\n- - b|");
  });

  it("end on Enter in an empty item, with a blank line so the next text is a paragraph of its own", () => {
    expect(shown(enter(markdownState("- a\n- b\n- |")))).toBe("- a\n- b\n\n|");
    expect(shown(enter(enter(markdownState("- a|"))))).toBe("- a\n\n|");
    expect(shown(enter(markdownState("1. a\n2. |")))).toBe("1. a\n\n|");
    // A nested empty item moves out one level first.
    expect(shown(enter(markdownState("- a\n  - b\n  - |")))).toBe("- a\n  - b\n- |");
  });

  it("leave Enter alone outside lists", () => {
    expect(shown(enter(markdownState("Some text|")))).toBe("Some text\n|");
  });
});

describe("code fences in the markdown editors", () => {
  it("close on Enter after an opening fence", () => {
    expect(shown(enter(markdownState("```python|")))).toBe("```python\n|\n```");
    expect(shown(enter(markdownState("Text\n\n~~~~|")))).toBe("Text\n\n~~~~\n|\n~~~~");
    expect(shown(enter(markdownState("- item\n  ```|")))).toBe("- item\n  ```\n  |\n  ```");
  });

  it("are not closed twice, and a closing fence is not an opening one", () => {
    expect(shown(enter(markdownState("```|\ncode\n```")))).toBe("```\n|\ncode\n```");
    expect(shown(enter(markdownState("```\ncode\n```|")))).toBe("```\ncode\n```\n|");
    expect(shown(enter(markdownState("```py|x")))).toBe("```py\n|x");
  });

  it("follow CommonMark: the same character, at least as long, and no backtick in a backtick fence's info", () => {
    const doc = (text: string) => Text.of(text.split("\n"));
    expect(unclosedFence(doc("````\n```\n"), 1)).toBe("````");
    expect(unclosedFence(doc("````\n`````\n"), 1)).toBeNull();
    expect(unclosedFence(doc("```\n~~~"), 1)).toBe("```");
    expect(unclosedFence(doc("``` a`b"), 1)).toBeNull();
    expect(unclosedFence(doc("~~~ a`b"), 1)).toBe("~~~");
    expect(unclosedFence(doc("```\na\n```\n```"), 4)).toBe("```");
    expect(unclosedFence(doc("```\na\n```\n```"), 3)).toBeNull();
    expect(unclosedFence(doc("text"), 1)).toBeNull();
  });
});

describe("the Python editor's indentation", () => {
  const pythonState = (text: string) => {
    const state = EditorState.create({
      doc: text.replace("|", ""),
      selection: { anchor: text.indexOf("|") },
      extensions: pythonEditing(),
    });
    ensureSyntaxTree(state, state.doc.length, 5_000);
    return state;
  };
  const tab: StateCommand = (target) => indentWithTab.run!(target as never);
  const shiftTab: StateCommand = (target) => indentWithTab.shift!(target as never);

  it("indents after a colon by 4 spaces, and Tab / Shift+Tab move a line by 4", () => {
    expect(shown(run(pythonState("def f(x):|"), insertNewlineAndIndent))).toBe("def f(x):\n    |");
    expect(shown(run(pythonState("def f(x):\n    if x:|"), insertNewlineAndIndent))).toBe(
      "def f(x):\n    if x:\n        |",
    );
    expect(shown(run(pythonState("return x|"), tab))).toBe("    return x|");
    expect(shown(run(pythonState("        return x|"), shiftTab))).toBe("    return x|");
  });
});
