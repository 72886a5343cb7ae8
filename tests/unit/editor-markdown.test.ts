import { markdownLanguage } from "@codemirror/lang-markdown";
import { Text } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { HIGHLIGHTED_BLOCK_MAX, highlightable } from "@/components/interview/codemirror-setup";
import { pathologicalCorpus } from "../support/markdown-corpus";

const doc = (text: string) => Text.of(text.split("\n"));

/** The longest single step of Lezer's markdown parse of `text` (CodeMirror can pause only between steps). */
function longestStepMs(text: string): number {
  const parse = markdownLanguage.parser.startParse(text);
  let longest = 0;
  for (let done = null; !done;) {
    const started = performance.now();
    done = parse.advance();
    longest = Math.max(longest, performance.now() - started);
  }
  return longest;
}

describe("markdown highlighting in the editor", () => {
  it("is on for ordinary notes and off once one block is longer than the limit", () => {
    expect(highlightable(doc("# Title\n\nSome **bold** text.\n\n- a\n- b"))).toBe(true);
    const block = "word ".repeat(HIGHLIGHTED_BLOCK_MAX / 5 - 10);
    expect(highlightable(doc(`${block}\n\n${block}\n\n${block}`))).toBe(true);
    expect(highlightable(doc(`${block}\n${block}`))).toBe(false);
    expect(highlightable(doc(`${block}\n   \n${block}`))).toBe(true); // a line of spaces is blank
  });

  it("is off for every pathological class at 100 KB, and stays fast on any of them cut into blocks it allows", () => {
    for (const { name, text } of pathologicalCorpus()) {
      expect(highlightable(doc(text)), name).toBe(false);
      const cut = text.slice(0, HIGHLIGHTED_BLOCK_MAX - 200).replace(/\n\s*\n/g, "\n");
      expect(highlightable(doc(cut)), name).toBe(true);
      // 11 s for 100 KB of `**_` in one block before; about 50 ms at this size. The bound is generous (JIT, and a
      // shared host's load of 10+ made it 250+ ms once) and still an order of magnitude under the old cost.
      expect(longestStepMs(cut), name).toBeLessThan(1_000);
    }
  });
});
