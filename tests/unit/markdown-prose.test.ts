// The plain-prose shortcut (lib/content/markdown/prose.ts) against the pipeline it stands in for: over generated
// texts, every one it answers is answered exactly as the renderer would, and texts with markdown in them, or that
// only look like prose, are left to the renderer. The render worker stringifies the same tree for a text without
// code (lib/content/markdown/worker.ts), which prose never has.
import { describe, expect, it } from "vitest";
import { renderSafeMarkdown } from "@/lib/content/markdown/pipeline";
import { proseHtml } from "@/lib/content/markdown/prose";
import { seededRandom } from "@/lib/interviews/random";

const WORDS = ["Django", "the", "ORM", "queryset", "select_related", "prefetch_related", "N", "1", "is", "a", "view"];
const PUNCTUATION = [",", ".", ";", ":", "?", "!", "'s", '"quoted"', "(aside)", "50%", "and/or", "read-only", "--"];
// Each of these can turn a line into something else, or into a link, code, emphasis or a break.
const MARKDOWN = [
  "*",
  "_",
  "__init__",
  "_x_",
  "x_",
  "`code`",
  "[link](x)",
  "<b>",
  "&amp;",
  "#",
  "> ",
  "- ",
  "+ ",
  "1. ",
  "2) ",
  "---",
  "===",
  "~~",
  "|",
  "\\",
  "www.example.com",
  "https://example.com",
  "a@b.co",
  "\t",
  "  ",
  "    ",
  "é",
  "—",
];

function generated(seed: number, withMarkdown: boolean): string {
  // Seeded, so a failure names a case that can be run again.
  const next = seededRandom(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let l = 0; l < count; l++) {
    if (l && next() < 0.25) lines.push("");
    const parts: string[] = [];
    const words = 1 + Math.floor(next() * 12);
    for (let w = 0; w < words; w++) {
      const roll = next();
      parts.push(roll < 0.7 ? pick(WORDS) : roll < 0.9 || !withMarkdown ? pick(PUNCTUATION) : pick(MARKDOWN));
    }
    let line = parts.join(next() < 0.9 ? " " : "");
    if (withMarkdown && next() < 0.15) line = pick(MARKDOWN) + line;
    if (withMarkdown && next() < 0.1) line += pick(["  ", " ", "\\"]);
    lines.push(line);
  }
  const text = lines.join("\n");
  return next() < 0.2 ? `\n${text}\n` : text;
}

describe("proseHtml", () => {
  it("answers plain prose exactly as the renderer does, and most of it", () => {
    let answered = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const text = generated(seed, false);
      const html = proseHtml(text);
      if (html === null) continue;
      answered++;
      expect({ seed, html }).toEqual({ seed, html: renderSafeMarkdown(text) });
    }
    expect(answered).toBeGreaterThan(1500 * 0.8);
  });

  it("never answers differently from the renderer for texts with markdown in them", () => {
    let answered = 0;
    let left = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const text = generated(seed, true);
      const html = proseHtml(text);
      if (html === null) {
        left++;
        continue;
      }
      answered++;
      expect({ seed, html }).toEqual({ seed, html: renderSafeMarkdown(text) });
    }
    // Both kinds occur, so both branches were tried.
    expect(answered).toBeGreaterThan(100);
    expect(left).toBeGreaterThan(1000);
  });

  it.each([
    ["a list item", "- first\n- second"],
    ["a numbered list", "1. first"],
    ["a numbered list with a parenthesis", "2) second"],
    ["a heading", "# Title"],
    ["a setext heading", "Title\n---"],
    ["a quote", "> quoted"],
    ["emphasis", "it is _really_ so"],
    ["a dunder", "define __init__ first"],
    ["a bare link", "see www.djangoproject.com"],
    ["a URL", "see https://docs.djangoproject.com"],
    ["indented code", "    code here"],
    ["a hard line break", "one  \ntwo"],
    ["an entity", "fish &amp; chips"],
    ["raw HTML", "<script>alert(1)</script>"],
    ["a table", "a | b\n--- | ---"],
    ["non-ASCII text", "naïve café"],
    ["a tab", "a\tb"],
    ["nothing", ""],
    ["blank lines only", "\n\n"],
  ])("leaves %s to the renderer", (_, text) => {
    expect(proseHtml(text)).toBeNull();
  });

  it("keeps paragraphs and line breaks as typed", () => {
    const text = "Use select_related for a foreign key.\nIt joins in SQL.\n\n\nprefetch_related runs a second query.\n";
    expect(proseHtml(text)).toBe(
      "<p>Use select_related for a foreign key.\nIt joins in SQL.</p>\n<p>prefetch_related runs a second query.</p>",
    );
    expect(proseHtml(text)).toBe(renderSafeMarkdown(text));
  });
});
