// XSS in a real browser: a corpus of markup tricks saved as a user's own answer and note, and imported as a
// guide's question and answer (`npm run import`), then shown where the app renders them (the interview
// review and the question page, rendered on the server; the note preview, rendered in the browser). Every payload tries to set window.__pwned or open a dialog; neither may happen, and the
// rendered HTML may hold no script, no event handler and no javascript: or data: URL.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE_FILE } from "../e2e/accounts";
import { e2eQuery } from "../e2e/db";
import { newEmail, registerViaApi, signInViaApi } from "../e2e/helpers";

const PAYLOADS = [
  "<script>window.__pwned = 'script'</script>",
  "<img src=x onerror=\"window.__pwned = 'img'\">",
  '<a href="javascript:window.__pwned=\'link\'" id="js-link">html link</a>',
  "[markdown link](javascript:window.__pwned='md')",
  "[entity link](&#106;avascript:window.__pwned='entity')",
  "[spaced](java\tscript:window.__pwned='tab')",
  "![image](javascript:window.__pwned='image')",
  '<svg onload="window.__pwned=\'svg\'"><circle r="1"/></svg>',
  "<svg><script>window.__pwned='svg-script'</script></svg>",
  "[data url](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
  "<iframe srcdoc=\"<script>parent.__pwned='iframe'</script>\"></iframe>",
  "<details open ontoggle=\"window.__pwned='toggle'\">x</details>",
  '<div style="background:url(javascript:window.__pwned=1)">styled</div>',
  "&lt;script&gt;window.__pwned='entities'&lt;/script&gt;",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__pwned='mxss'\">",
  "```html\n<script>window.__pwned='fenced'</script>\n```",
  '[ref link][r]\n\n[r]: javascript:window.__pwned="ref"',
  "<form action=\"javascript:window.__pwned='form'\"><button>go</button></form>",
];
const CORPUS = PAYLOADS.join("\n\n");

async function assertInert(page: Page, container: string) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Click every link the payload produced: a javascript: URL would run now.
  for (const link of await page.locator(`${container} a`).all())
    await link.click({ modifiers: ["ControlOrMeta"], timeout: 2_000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
  // No live element, handler or URL in the DOM: read as elements and attributes, not as markup text, since a
  // payload shown as escaped text (the plain-text fallback when markdown is slow) is inert too.
  const live = await page
    .locator(container)
    .first()
    .evaluate((root) => {
      const found: string[] = [];
      for (const el of root.querySelectorAll("script, iframe, object, embed, svg, form, math")) found.push(el.tagName);
      for (const el of [root, ...root.querySelectorAll("*")]) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
          if (/^\s*(javascript:|data:text)/i.test(attr.value)) found.push(`${el.tagName}[${attr.name}=${attr.value}]`);
        }
      }
      return found;
    });
  expect(live).toEqual([]);
}

test("a user's answer full of XSS payloads renders inert in the interview review", async ({ page, baseURL }) => {
  const email = newEmail("xss");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const started = await page.request.post("/api/interviews", {
    data: { company: "deloitte", mode: "practice" }, // a format with written questions (the coding assessment has none)
    headers: { origin: baseURL! },
  });
  const interview = (await started.json()) as { id: string; questions: { id: string; kind: string }[] };
  const written = interview.questions.find((q) => q.kind === "written")!;
  const saved = await page.request.put(`/api/interviews/${interview.id}/answers/${written.id}`, {
    data: { content: CORPUS, revision: 0 },
    headers: { origin: baseURL! },
  });
  expect(saved.status()).toBe(200);
  expect(
    (await page.request.post(`/api/interviews/${interview.id}/finish`, { headers: { origin: baseURL! } })).status(),
  ).toBe(200);

  await page.goto(`/interviews/${interview.id}/review`);
  await expect(page.locator(`#mine-${written.id}`)).toContainText("html link");
  await assertInert(page, `#mine-${written.id}`);
});

test("a note full of XSS payloads stays inert in the live preview", async ({ page, baseURL }) => {
  const email = newEmail("xss-note");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const list = (await (await page.request.get("/api/questions?kind=written&limit=1")).json()) as {
    items: { slug: string }[];
  };
  const slug = list.items[0]!.slug;
  const saved = await page.request.put(`/api/questions/${slug}/note`, {
    data: { content: CORPUS, revision: 0 },
    headers: { origin: baseURL! },
  });
  expect(saved.status()).toBe(200);

  await page.goto(`/questions/${slug}`);
  const preview = page.getByTestId("markdown-preview");
  await expect(preview).toContainText("html link");
  await assertInert(page, '[data-testid="markdown-preview"]');
});

test("an imported guide full of XSS payloads renders inert on the question page", async ({ page }) => {
  // A guide as `npm run import` reads it: the payloads in a question's summary and in its answer. (A
  // <details> payload would end the guide's own <details> block: the parser reports that instead.)
  const answer = PAYLOADS.filter((p) => !p.includes("<details")).join("\n\n");
  const summary = `Which of these runs? <img src=x onerror="window.__pwned='summary'"> [x](javascript:window.__pwned='summary-link')`;
  const guide = `# XSS guide\n\n# Hostile markup\n<details>\n<summary>1. ${summary}</summary>\n\n${answer}\n</details>\n`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-xss-")), "hostile-guide.md");
  fs.writeFileSync(file, guide);
  const databaseUrl = fs.readFileSync(E2E_DATABASE_FILE, "utf8").trim();
  execFileSync("node_modules/.bin/tsx", ["lib/cli/import.ts", file, "--source", "hostile"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    stdio: "pipe",
  });
  const [question] = await e2eQuery<{ slug: string }>(`select slug from "Question" where slug like 'hostile-%'`);
  expect(question).toBeDefined();

  await page.goto(`/questions/${question!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Which of these runs?");
  expect(await page.locator("h1 *").count()).toBe(0); // the title is text (a link in it stays letters), never markup
  await page.getByText("Show the model answer").click();
  await expect(page.locator("#answer")).toContainText("html link");
  await assertInert(page, "#answer");
});
