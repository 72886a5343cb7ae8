import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";

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
});
