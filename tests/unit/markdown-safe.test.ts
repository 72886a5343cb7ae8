import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capLineNesting, MAX_DEPTH } from "@/lib/content/markdown/depth";
import { renderSafeMarkdown } from "@/lib/content/markdown/pipeline";

// The live preview of notes and answers renders in the browser: it must be as safe as the server renderer.
const payloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![x](javascript:alert(1))",
  "<svg onload=alert(1)></svg>",
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  "[x](JaVaScRiPt:alert(1))",
  '<iframe src="https://example.com"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "[x](&#106;avascript:alert(1))",
];

/** Every in-page link's target, and every id, of an HTML fragment. */
function anchors(html: string) {
  return {
    links: [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]!),
    ids: [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!),
    describedBy: [...html.matchAll(/aria-describedby="([^"]*)"/g)].map((m) => m[1]!),
  };
}

const depthOf = (html: string, tag: string) => {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(new RegExp(`<(/?)${tag}[\\s>]`, "g")))
    deepest = Math.max(deepest, (depth += m[1] ? -1 : 1));
  return deepest;
};

describe("renderSafeMarkdown", () => {
  it.each(payloads)("leaves no active content in %s", (payload) => {
    const html = renderSafeMarkdown(`Before\n\n${payload}\n\nAfter`);
    expect(html).not.toMatch(/<script|<iframe|<svg|\son\w+=|javascript:|data:text|style=/i);
    expect(html).toContain("After");
  });

  it("keeps ordinary markdown: emphasis, code, lists, tables and safe links", () => {
    const html = renderSafeMarkdown(
      "**bold** `code`\n\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://docs.djangoproject.com/)\n\n```python\nx = 1\n```",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>item</li>");
    expect(html).toContain("<table>");
    expect(html).toContain('href="https://docs.djangoproject.com/"');
    expect(html).toContain('class="language-python"');
  });
});

describe("footnotes", () => {
  it("link each reference to its note and each note back, with ids that exist", () => {
    const html = renderSafeMarkdown("Text[^1] and [^note], again[^1].\n\n[^1]: One.\n[^note]: Two.");
    const { links, ids, describedBy } = anchors(html);
    expect(links).toHaveLength(6); // three references, and a way back to each
    for (const target of [...links, ...describedBy]) expect(ids).toContain(target);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith("user-content-"))).toBe(true);
  });

  it("resolve for any labels, and two texts on one page share no id", () => {
    const label = fc.stringMatching(/^[\w\-.é~:]{1,12}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(label, { minLength: 1, maxLength: 5 }),
        fc.string({ maxLength: 20 }),
        (labels, extra) => {
          const text = `${labels.map((l) => `x[^${l}]`).join(" ")}\n\n${labels.map((l) => `[^${l}]: note ${extra.replace(/[\n[\]^]/g, "")}`).join("\n")}`;
          const first = anchors(renderSafeMarkdown(text));
          for (const target of [...first.links, ...first.describedBy]) expect(first.ids).toContain(target);
          const second = anchors(renderSafeMarkdown(`${text}\n\nAnother text.`));
          expect(second.ids.filter((id) => first.ids.includes(id))).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("nesting", () => {
  it("renders quotes nested past the cap, flattened at the cap", () => {
    const html = renderSafeMarkdown(`${"> ".repeat(5_000)}deep`);
    expect(html).toContain("deep");
    expect(depthOf(html, "blockquote")).toBe(MAX_DEPTH);
  });

  it("renders emphasis and lists nested past the cap with their text", () => {
    const emphasis = `${"*a _b ".repeat(200)}core${" c_ d*".repeat(200)}`;
    expect(renderSafeMarkdown(emphasis)).toContain("core");
    const lists = Array.from({ length: 60 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
    const html = renderSafeMarkdown(lists);
    expect(html).toContain("item 59");
    expect(depthOf(html, "ul")).toBeLessThanOrEqual(MAX_DEPTH);
  });

  it("leaves lines with up to the cap of container markers exactly as they are", () => {
    const opener = fc.constantFrom("> ", ">", "- ", "* ", "+ ", "1. ", "12) ", "[^a]: ", "   > ");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(opener, { maxLength: MAX_DEPTH }), fc.string({ maxLength: 10 }))),
        (rows) => {
          const text = rows.map(([openers, rest]) => openers.join("") + "x" + rest.replace(/\n/g, "")).join("\n");
          expect(capLineNesting(text)).toBe(text);
        },
      ),
    );
  });

  it("keeps the first markers and the text of a line with more", () => {
    expect(capLineNesting(`keep\n${"> ".repeat(40)}text\n${"- * ".repeat(20)}item`)).toBe(
      `keep\n${"> ".repeat(MAX_DEPTH)}text\n${"- * ".repeat(16)}item`,
    );
  });
});
