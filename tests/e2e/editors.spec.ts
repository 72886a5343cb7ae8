// The editors behave as a candidate expects (issue #22, "Editors"): Python indents with Tab, 4 spaces a level,
// and says how to leave by keyboard; markdown lists continue without doubling their marker and end on a blank
// line; code fences close; placeholders say what the field is; "Saved" waits until something was saved.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { axeViolations, focusOnTopics, newEmail, registerViaApi, signInViaApi } from "./helpers";

const WRITTEN = "what-is-drf-and-why-use-it";
const ESCAPE_HINT = "Tab indents, Shift+Tab dedents. To leave the editor with the keyboard, press Esc, then Tab.";

async function signUp(page: Page) {
  const email = newEmail("editors");
  await registerViaApi(page.request, email, "Edi");
  await signInViaApi(page.request, email);
}

/** The editor once CodeMirror has replaced the plain textarea shown while it loads. */
const codeMirror = (page: Page, name: string | RegExp) =>
  page.getByRole("textbox", { name }).and(page.locator(".cm-content"));

/** The editor's text, line by line as CodeMirror holds it (leading spaces included). */
const textOf = (editor: Locator) =>
  editor.evaluate((element) =>
    Array.from(element.querySelectorAll(".cm-line"), (line) => line.textContent ?? "").join("\n"),
  );

const focusedInside = (editor: Locator) =>
  editor.evaluate((element) => element === document.activeElement || element.contains(document.activeElement));

async function clear(page: Page, editor: Locator) {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
}

async function codingSlug() {
  const [row] = await e2eQuery<{ slug: string }>(
    `select q.slug from "Question" q join "CodingProblem" c on c."questionId" = q.id where c.language = 'PYTHON' order by q.slug limit 1`,
  );
  return row!.slug;
}

/** Starts a practice-mode interview with a coding question and opens that question. */
async function openCodingQuestion(page: Page) {
  await page.goto("/interviews/new?company=jpmorgan");
  await focusOnTopics(page, ["models-orm"]); // its coding problems are Python
  await page.getByLabel("Practice", { exact: false }).first().check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  const [row] = await e2eQuery<{ position: number }>(
    `select iq.position from "InterviewQuestion" iq join "CodingProblem" c on c."questionId" = iq."questionId"
     where iq."interviewId" = $1 order by iq.position limit 1`,
    [page.url().split("/").at(-1)],
  );
  await page.getByRole("button", { name: new RegExp(`^Question ${row!.position + 1},`) }).click();
  return codeMirror(page, /Your code for question/);
}

test.describe("the Python editor", () => {
  test("in an interview: Tab and Shift+Tab indent by 4, Enter after ':' indents by 4, no word count", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await signUp(page);
    const editor = await openCodingQuestion(page);
    await expect(editor).toHaveAttribute("aria-describedby", /.+/);
    const hint = page.locator(`[id="${await editor.getAttribute("aria-describedby")}"]`);
    await expect(hint).toHaveText(ESCAPE_HINT);
    await expect(hint).toBeVisible();

    await clear(page, editor);
    await page.keyboard.type("def double(x):");
    await page.keyboard.press("Enter");
    await page.keyboard.type("if x:");
    await page.keyboard.press("Enter");
    await page.keyboard.type("return 2 * x");
    expect(await textOf(editor)).toBe("def double(x):\n    if x:\n        return 2 * x");

    await page.keyboard.press("Shift+Tab");
    expect(await textOf(editor)).toBe("def double(x):\n    if x:\n    return 2 * x");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await textOf(editor)).toBe("def double(x):\n    if x:\n            return 2 * x");
    expect(await focusedInside(editor)).toBe(true); // Tab indented; it did not move the focus

    // Code is measured by the editor's line numbers, not in words.
    await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
    await expect(page.getByTestId("answer-length")).toHaveCount(0);
    await expect(page.getByRole("main")).not.toContainText(/\d+ words?\b/);
  });

  test("with the keyboard only: Escape then Tab leaves the editor for the next control", async ({ page }) => {
    test.slow(); // the page also loads Python for its runner
    await signUp(page);
    await page.goto(`/questions/${await codingSlug()}`);
    const editor = codeMirror(page, "Your solution");
    await expect(editor).toBeVisible();
    // Reach the editor with Tab as a keyboard user does.
    for (let i = 0; i < 80 && !(await focusedInside(editor)); i++) await page.keyboard.press("Tab");
    expect(await focusedInside(editor)).toBe(true);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Tab");
    expect(await focusedInside(editor)).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Run visible tests" })).toBeFocused();
    await page.keyboard.press("Shift+Tab");
    expect(await focusedInside(editor)).toBe(true);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`at 390 px (${scheme}): the hint fits, nothing overflows, no serious accessibility violation`, async ({
      page,
    }) => {
      test.slow(); // the page also loads Python for its runner
      await page.setViewportSize({ width: 390, height: 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await signUp(page);
      await page.goto(`/questions/${await codingSlug()}`);
      const editor = codeMirror(page, "Your solution");
      await editor.click();
      await expect(page.getByText(ESCAPE_HINT)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe("the markdown editors", () => {
  test("a list continues without doubling its marker and ends on Enter in an empty item", async ({ page }) => {
    await signUp(page);
    await page.goto(`/questions/${WRITTEN}`);
    const note = codeMirror(page, "Your note (markdown)");
    await note.click();
    for (const item of ["- first", "- second"]) {
      await page.keyboard.type(item); // the habit of typing the marker Enter already added
      await page.keyboard.press("Enter");
    }
    await page.keyboard.press("Enter"); // on the empty third item: the list ends
    await page.keyboard.type("After the list.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("1. one");
    await page.keyboard.press("Enter");
    await page.keyboard.type("two");
    expect(await textOf(note)).toBe("- first\n- second\n\nAfter the list.\n1. one\n2. two");

    const preview = page.getByTestId("markdown-preview");
    await expect(preview.locator("ul > li")).toHaveText(["first", "second"]);
    await expect(preview.locator("p").filter({ hasText: "After the list." })).toHaveCount(1);
    await expect(preview.locator("ol > li")).toHaveText(["one", "two"]);
    await expect(page.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
  });

  test("a code fence closes on Enter, and the text after it stays text", async ({ page }) => {
    await signUp(page);
    await page.goto(`/questions/${WRITTEN}`);
    const practice = codeMirror(page, "Your practice answer");
    await practice.click();
    await page.keyboard.type("```python");
    await page.keyboard.press("Enter");
    await page.keyboard.type("x = 1");
    expect(await textOf(practice)).toBe("```python\nx = 1\n```");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Outside the code.");
    expect(await textOf(practice)).toBe("```python\nx = 1\n```\nOutside the code.");

    const note = codeMirror(page, "Your note (markdown)");
    await note.click();
    await page.keyboard.type("~~~");
    await page.keyboard.press("Enter");
    await page.keyboard.type("SELECT 1;");
    const preview = page.getByTestId("markdown-preview");
    await expect(preview.locator("pre")).toHaveText("SELECT 1;");
  });

  test("placeholders say what each field is, and nothing says 'Saved' before a save", async ({ page }) => {
    await signUp(page);
    await page.goto(`/questions/${WRITTEN}`);
    const note = codeMirror(page, "Your note (markdown)");
    const practice = codeMirror(page, "Your practice answer");
    await expect(note).toHaveAttribute("aria-placeholder", /Notes to yourself/);
    await expect(note).not.toHaveAttribute("aria-placeholder", /answer/i);
    await expect(practice).toHaveAttribute("aria-placeholder", /Practise your answer/);
    await expect(page.getByTestId("note-editor").locator(".cm-placeholder")).toHaveText(/Notes to yourself/);

    const statuses = page.getByTestId("save-status");
    await expect(statuses).toHaveCount(2);
    await expect(statuses.nth(0)).toHaveText("");
    await expect(statuses.nth(1)).toHaveText("");
    await note.click();
    await page.keyboard.type("A note.");
    await expect(page.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
    await expect(page.getByTestId("practice-panel").getByTestId("save-status")).toHaveText("");
    // Once saved, it stays "Saved" after a reload (it was saved).
    await page.reload();
    await expect(page.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved");

    // The interview room: no "Saved" on an answer not yet written.
    await page.goto("/interviews/new?company=deloitte");
    await page.getByLabel("Practice", { exact: false }).first().check();
    await page.getByRole("button", { name: "Start interview" }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    const answer = codeMirror(page, /Your answer to question/);
    await expect(answer).toHaveAttribute("aria-placeholder", "Write your answer here (markdown works).");
    await expect(page.getByTestId("save-status")).toHaveText("");
    await answer.click();
    await page.keyboard.type("Typed.");
    await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the question page's editors pass accessibility checks, and Save looks disabled until there is something to save (${scheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signUp(page);
      await page.goto(`/questions/${WRITTEN}`);
      await codeMirror(page, "Your note (markdown)").click();
      await page.keyboard.type("- a note");
      expect(await axeViolations(page)).toEqual([]);
      // A disabled button looks disabled in every theme: faded until the practice answer has text.
      const save = page.getByRole("button", { name: "Save answer" });
      await expect(save).toBeDisabled();
      const opacity = () => save.evaluate((el) => Number(getComputedStyle(el).opacity));
      expect(await opacity()).toBeLessThan(0.7);
      await codeMirror(page, "Your practice answer").click();
      await page.keyboard.type("Serializers validate input.");
      await expect(save).toBeEnabled();
      await expect.poll(opacity).toBe(1);
    });
  }
});
