import { describe, expect, it } from "vitest";
import { renderSafeMarkdown } from "@/lib/markdown-safe";

// The live preview of notes and answers renders in the browser: it must be as safe as the server renderer.
const payloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![x](javascript:alert(1))",
  "<svg onload=alert(1)></svg>",
  "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
  "[x](JaVaScRiPt:alert(1))",
  "<iframe src=\"https://example.com\"></iframe>",
  "<div style=\"background:url(javascript:alert(1))\">x</div>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "[x](&#106;avascript:alert(1))",
];

describe("renderSafeMarkdown", () => {
  it.each(payloads)("leaves no active content in %s", (payload) => {
    const html = renderSafeMarkdown(`Before\n\n${payload}\n\nAfter`);
    expect(html).not.toMatch(/<script|<iframe|<svg|\son\w+=|javascript:|data:text|style=/i);
    expect(html).toContain("After");
  });

  it("keeps ordinary markdown: emphasis, code, lists, tables and safe links", () => {
    const html = renderSafeMarkdown("**bold** `code`\n\n- item\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://docs.djangoproject.com/)\n\n```python\nx = 1\n```");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>item</li>");
    expect(html).toContain("<table>");
    expect(html).toContain('href="https://docs.djangoproject.com/"');
    expect(html).toContain('class="language-python"');
  });
});
