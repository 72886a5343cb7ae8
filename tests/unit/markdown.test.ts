import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FALLBACK_NOTE } from "@/lib/content/markdown/fallback";
import { renderMarkdown, stopMarkdownWorkers } from "@/lib/content/markdown/server";
import { watchEventLoop } from "../support/event-loop";
import { fill } from "../support/markdown-corpus";

// renderMarkdown as pages call it: the app's pool and limits, its worker run from source (as in development).
// Each entry must come out with no active content: no script, no event handler, no javascript: URL,
// no iframe/object/embed/svg, no data: URL in a link or image.
const xss = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "![x](javascript:alert(1))",
  '<svg onload="alert(1)"><circle r="1"/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  "<details open ontoggle=alert(1)>x</details>",
  "```html\n<script>alert(1)</script>\n```",
  '<form action="https://evil.example"><input name="password"></form>',
];

const ACTIVE = /<script|<iframe|<object|<embed|<svg|<form|\son\w+=|javascript:|data:text/i;

// A fresh worker run through tsx takes seconds to start on a busy machine; the tests below time renders only.
beforeAll(async () => {
  for (
    let i = 0;
    i < 60 && (await renderMarkdown(`warm-up ${i}\n\n\`\`\`python\nx = ${i}\n\`\`\``)).includes(FALLBACK_NOTE);
    i++
  );
}, 120_000);
afterAll(() => stopMarkdownWorkers());

describe("renderMarkdown", () => {
  it.each(xss)("renders %j without active content", async (input) => {
    const html = await renderMarkdown(input);
    expect(html).not.toMatch(ACTIVE);
  });

  it("keeps code that looks dangerous as visible, escaped text", async () => {
    const html = await renderMarkdown("```html\n<script>alert(1)</script>\n```");
    expect(html).toContain("&#x3C;");
    expect(html).toContain("script");
    expect(html).toContain('class="shiki');
  });

  it("renders GitHub-flavoured tables, emphasis and safe links", async () => {
    const html = await renderMarkdown("| a | b |\n| - | - |\n| **1** | [docs](https://docs.djangoproject.com/) |");
    expect(html).toContain("<table>");
    expect(html).toContain("<strong>1</strong>");
    expect(html).toContain('href="https://docs.djangoproject.com/"');
  });

  it("highlights Python on the server", async () => {
    const html = await renderMarkdown("```python\ndef f(x):\n    return x\n```");
    expect(html).toMatch(/<pre class="shiki[^"]*"/);
    expect(html).toContain("--shiki-dark");
    expect(html).toContain(">def</span>");
  });

  it("highlights a block fenced as `python fragment` (seed/README.md) as Python, without showing the marker", async () => {
    const html = await renderMarkdown("```python fragment\ndef f(x):\n    return x\n```");
    expect(html).toMatch(/<pre class="shiki[^"]*"/);
    expect(html).toContain(">def</span>");
    expect(html).not.toContain("fragment");
  });

  it("links footnote references to notes that exist", async () => {
    const html = await renderMarkdown("Claim[^1] and another[^why].\n\n[^1]: Source.\n[^why]: Because.");
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]);
    expect(targets).toHaveLength(4);
    for (const target of targets) expect(ids).toContain(target);
  });

  it.each([10, 100])("renders quotes nested %i KB deep (10 KB overflowed the stack), flattened", async (kb) => {
    const html = await renderMarkdown(fill("> ", kb * 1024 - 4) + "deep");
    expect(html).not.toContain(FALLBACK_NOTE);
    expect(html.match(/<blockquote>/g)).toHaveLength(32);
    expect(html).toContain("deep");
  });

  it("shows a text that takes the parser minutes as plain text with a note, without holding up the event loop", async () => {
    const text = fill("**_", 100 * 1024);
    const loop = watchEventLoop();
    const started = Date.now();
    const html = await renderMarkdown(text);
    const took = Date.now() - started;
    expect(loop.stop().longestBusyMs).toBeLessThanOrEqual(50);
    expect(took).toBeLessThan(8_000); // the time limit of 100 KB (3 s), a replaced worker, a busy machine
    expect(html).toContain(FALLBACK_NOTE);
    expect(html).toContain('role="note"');
    expect(html).toContain("**_**_**_"); // the text itself, escaped
    // Kept: the same text is not rendered again.
    const again = Date.now();
    expect(await renderMarkdown(text)).toBe(html);
    expect(Date.now() - again).toBeLessThan(50);
  }, 30_000);

  it("renders ordinary markdown, code and footnotes again once the worker stopped at the limit was replaced", async () => {
    const html = await renderMarkdown("A **bold** claim[^1].\n\n```python\nprint(1)\n```\n\n[^1]: Source.");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('class="shiki');
  }, 30_000);

  it("escapes the text it shows plainly and keeps its line breaks", async () => {
    const text = `${fill("**_", 100 * 1024 - 60)}\n<img src=x onerror=alert(1)> &amp;\nlast line`;
    const html = await renderMarkdown(text);
    expect(html).toContain(FALLBACK_NOTE);
    expect(html).not.toContain("<img");
    expect(html).toContain("\n&lt;img src=x onerror=alert(1)&gt; &amp;amp;\nlast line</div>");
    expect(html).toContain("whitespace-pre-wrap");
  }, 30_000);
});
