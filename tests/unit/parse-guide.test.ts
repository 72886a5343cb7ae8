import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGuide, stripNumbering } from "@/lib/content/importer/parse-guide";

const fixture = (name: string) => parseGuide(fs.readFileSync(path.join("tests/fixtures/guides", name), "utf8"));
const seedGuidePath = path.resolve("tests/fixtures/guides/django-interview-guide.md");

describe("parseGuide on the seed guide", () => {
  const guide = parseGuide(fs.readFileSync(seedGuidePath, "utf8"));

  it("finds its 15 topics and 86 questions, 12 empty answers and 37 unanswered", () => {
    expect(guide.title).toBe("Django Interview Questions & Practice Guide");
    expect(guide.errors).toEqual([]);
    expect(guide.stats).toEqual({ topics: 15, questions: 86, answered: 37, emptyAnswers: 12, unanswered: 37 });
  });

  it("does not mistake code comments for topics", () => {
    const names = guide.topics.map((t) => t.name);
    expect(names).toContain("Models & ORM");
    expect(names).not.toContain("Usage");
    expect(names).not.toContain("Avoid N+1 queries");
    expect(names.at(-1)).toBe("Behavioral / Project-Based Questions");
  });

  it("repairs the broken characters and strips the numbering", () => {
    const texts = guide.topics.flatMap((t) => t.questions.map((q) => q.text));
    expect(texts).toContain("Explain Django’s session framework?");
    expect(texts.join("\n")).not.toMatch(/â€|ðŸ|Ã/);
    expect(texts[0]).toBe("What is Django, and what are its key features?");
    expect(guide.repairedCharacters).toBeGreaterThan(20);
  });
});

describe("parseGuide on malformed files", () => {
  it("names the line of a <details> that never closes", () => {
    expect(fixture("unclosed-details.md").errors).toEqual([
      { line: 9, message: "<details> is not closed before the next <details> opens" },
    ]);
  });

  it("names the line of a code fence that never closes", () => {
    expect(fixture("unclosed-fence.md").errors).toEqual([
      { line: 4, message: "code fence opened at line 7 is not closed" },
    ]);
  });

  it("names the line of a question without text", () => {
    expect(fixture("empty-summary.md").errors).toContainEqual({
      line: 4,
      message: "a <details> block has no question text in its <summary>",
    });
  });
});

describe("parseGuide on awkward but valid files", () => {
  it("handles a byte-order mark, CRLF, mojibake, and leaves correct UTF-8 alone", () => {
    const guide = fixture("crlf-bom-mojibake.md");
    expect(guide.errors).toEqual([]);
    expect(guide.title).toBe("Guide with Windows line endings");
    expect(guide.topics.map((t) => t.name)).toEqual(["Café topic"]);
    const [first, second] = guide.topics[0]!.questions;
    expect(first).toEqual({
      text: "What is Django’s ORM?",
      line: 6,
      answer: "It maps naïve classes to tables → rows. Zürich, São Paulo.",
    });
    expect(second).toEqual({ text: "How do you test it?", line: 13, answer: null });
  });

  it("treats # lines in fences, answers and unfenced code as code, not topics", () => {
    const guide = fixture("code-headings.md");
    expect(guide.errors).toEqual([]);
    expect(guide.topics.map((t) => t.name)).toEqual(["Real topic", "Second topic"]);
    expect(guide.topics[0]!.questions.map((q) => q.text)).toEqual([
      "Question with code in the answer",
      "Plain question after code?",
    ]);
    expect(guide.topics[0]!.questions[0]!.answer).toContain("# Not a topic: inside a fence");
    expect(guide.topics[1]!.questions.map((q) => q.text)).toEqual([
      "Numbered plain question?",
      "Duplicate numbering is fine?",
      "Unnumbered question?",
    ]);
  });

  it("copes with noise, duplicate numbering, inline blocks and multi-line summaries", () => {
    const guide = fixture("messy-numbering.md");
    expect(guide.errors).toEqual([]);
    expect(guide.topics[0]!.questions).toEqual([
      { text: "One?", line: 4, answer: "" },
      { text: "Also one?", line: 10, answer: "Real answer." },
      { text: "Unnumbered?", line: 16, answer: "Inline answer." },
      { text: "Summary on its own lines?", line: 18, answer: "Answer seven." },
    ]);
  });
});

describe("stripNumbering", () => {
  it.each([
    ["12. Why?", "Why?"],
    ["3) Why?", "Why?"],
    ["Q4. Why?", "Why?"],
    ["2024 plans?", "2024 plans?"],
  ])("%j -> %j", (input, output) => {
    expect(stripNumbering(input)).toBe(output);
  });
});
