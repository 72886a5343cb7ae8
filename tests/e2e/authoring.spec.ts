// Issue #24, authoring in the browser: an admin creates a question with its rubric and finds it in search; two
// admins edit the same question (the second meets the conflict and chooses); an old revision is restored.
import crypto from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, newEmail, registerViaApi, signInViaApi, userCommand } from "./helpers";

async function adminPage(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const email = newEmail("author");
  await registerViaApi(page.request, email, name);
  expect(userCommand(["grant-admin", email]).status).toBe(0);
  await signInViaApi(page.request, email);
  return page;
}

const word = () => crypto.randomBytes(3).toString("hex");

/** A question made through the API, for the tests that edit one (the seeded ones stay as other specs expect). */
async function createViaApi(page: Page, title: string): Promise<string> {
  const topic = ((await (await page.request.get("/api/topics")).json()) as { items: { slug: string }[] }).items[0]!
    .slug;
  const slug = `authoring-${word()}`;
  const point = (text: string, term: string) => ({ text, concepts: [{ name: term, any: [term] }], disqualifiers: [] });
  const response = await page.request.post("/api/admin/questions", {
    data: {
      slug,
      title,
      prompt: "How does Django decide which database a query goes to?",
      modelAnswer: "Database routers answer db_for_read and db_for_write; the first router with an answer wins.",
      keyPoints: [
        point("Routers pick the database for reads", "db_for_read"),
        point("and for writes", "db_for_write"),
        point("The first router that answers wins", "first router"),
      ],
      difficulty: "medium",
      topic,
      tags: ["databases"],
      estimatedMinutes: 5,
      companies: [],
    },
  });
  expect(response.status()).toBe(201);
  return slug;
}

test.describe("authoring questions", () => {
  test.describe.configure({ timeout: 90_000 });

  test("an admin creates a question with a rubric, and it is in the bank and in search", async ({ browser }) => {
    const admin = await adminPage(browser, "Ada Author");
    const marker = `zeppelin${word()}`;
    await admin.goto("/admin/questions");
    await admin.getByRole("link", { name: "New question" }).click();
    await expect(admin.getByRole("heading", { name: "New question" })).toBeVisible();
    // Sent empty, it is checked before it leaves the page, with the loader's rules.
    await admin.getByRole("button", { name: "Create question" }).click();
    await expect(admin.locator("form").getByRole("alert")).toHaveText(
      "Some fields need attention: see the messages beside them.",
    );
    await expect(admin.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");

    await admin.getByLabel("Title").fill(`How do ${marker} signals differ from overriding save()?`);
    await admin.getByLabel(/^Slug/).fill(`${marker}-signals-vs-save`);
    await admin.getByLabel("Tags (comma-separated)").fill("signals, models");
    await admin.getByLabel("Prompt (markdown)").fill("When would you use a **signal** instead of overriding `save()`?");
    await expect(admin.getByRole("region", { name: "Prompt: preview" }).locator("strong")).toHaveText("signal");
    await admin
      .getByLabel("Model answer (markdown)")
      .fill(
        "Override `save()` for behaviour that belongs to the model itself. Use a signal when another app must react " +
          "without the model knowing it; signals do not fire for `bulk_create` or `update()`.",
      );
    const points = [
      ["Override save() for the model's own behaviour", "own behaviour", "save()\noverride save"],
      ["Signals decouple other apps", "decoupling", "decouple\nanother app"],
      ["Bulk operations skip signals", "bulk skips signals", "bulk_create\nupdate()"],
    ];
    for (const [i, [text, name, expressions]] of points.entries()) {
      await admin.getByLabel(`Key point ${i + 1}`, { exact: true }).fill(text!);
      await admin.getByLabel(`Key point ${i + 1}: required concepts 1: name`).fill(name!);
      await admin.getByLabel(`Key point ${i + 1}: required concepts 1: expressions, one per line`).fill(expressions!);
    }
    await admin.getByLabel("What changed, and why (kept in the history)").fill("A question candidates asked for");
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Create question" }).click();
    await expect(admin).toHaveURL(new RegExp(`/admin/questions/${marker}-signals-vs-save\\?created=1$`));
    await expect(admin.getByText("Created. It is in the bank and in search now.")).toBeVisible();
    await expect(admin.getByRole("region", { name: "History" })).toContainText("A question candidates asked for");

    await admin.goto(`/questions?q=${marker}`);
    const result = admin.getByRole("link", { name: new RegExp(`How do ${marker} signals differ`) });
    await expect(result).toBeVisible();
    await result.click();
    await expect(admin.getByRole("heading", { level: 1 })).toContainText(marker);
    await expect(admin.getByRole("main")).toContainText("signals do not fire for");
    await admin.context().close();
  });

  test("two admins edit the same question: the second sees the conflict and chooses", async ({ browser }) => {
    const first = await adminPage(browser, "First Editor");
    const second = await adminPage(browser, "Second Editor");
    const slug = await createViaApi(first, "Which database does a query use?");
    await first.goto(`/admin/questions/${slug}`);
    await second.goto(`/admin/questions/${slug}`);
    await first.getByLabel("Title").fill("Which database does a Django query use?");
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await expect(first.getByRole("status")).toHaveText("Saved as revision 2.");

    await second.getByLabel("Title").fill("How do database routers choose?");
    await second.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = second.getByRole("region", { name: /Conflict/ });
    await expect(conflict).toContainText("revision 2 by First Editor");
    await expect(conflict).toContainText("Which database does a Django query use?");
    await expectAccessible(second);
    await conflict.getByRole("button", { name: "Save mine over theirs" }).click();
    await expect(second.getByRole("status")).toHaveText("Saved as revision 3.");
    await expect(conflict).toBeHidden();

    // The first admin's next save meets the conflict in turn, and takes the other version.
    await first.getByLabel("Minutes to answer").fill("7");
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await first
      .getByRole("region", { name: /Conflict/ })
      .getByRole("button", { name: "Load their version" })
      .click();
    await expect(first.getByLabel("Title")).toHaveValue("How do database routers choose?");
    await expect(first.getByLabel("Minutes to answer")).toHaveValue("5");
    for (const page of [first, second]) await page.context().close();
  });

  test("an admin restores an old revision, and the question page shows it", async ({ browser }) => {
    const admin = await adminPage(browser, "Rory Restorer");
    const slug = await createViaApi(admin, "What is a database router for?");
    await admin.goto(`/admin/questions/${slug}`);
    await admin.getByLabel("Title").fill("A worse title for a database router question");
    await admin.getByLabel("What changed, and why (kept in the history)").fill("Trying a new title");
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    await expect(admin.getByRole("status")).toHaveText("Saved as revision 2.");
    const history = admin.getByRole("region", { name: "History" });
    await expect(history.getByRole("listitem").first()).toContainText("Trying a new title");
    await history.getByRole("listitem").first().getByText("What changed").click();
    // Words taken out and put in, marked as such.
    await expect(history.locator("del").first()).toBeVisible();
    expect((await history.locator("del").allTextContents()).join("")).toContain("What");
    expect((await history.locator("ins").allTextContents()).join("")).toContain("worse");

    await history.getByRole("button", { name: "Restore revision 1" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
    await expect(admin.getByLabel("Title")).toHaveValue("What is a database router for?");
    await expect(history.getByRole("listitem").first()).toContainText("Restored revision 1");
    await admin.goto(`/questions/${slug}`);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("What is a database router for?");
    await admin.context().close();
  });

  test("an admin uploads a guide with an error and sees its line, then a valid one and imports it", async ({
    browser,
  }) => {
    const admin = await adminPage(browser, "Ivy Importer");
    const marker = `quokka${word()}`;
    await admin.goto("/admin");
    await admin.getByRole("link", { name: "Import a guide" }).click();
    const picker = admin.getByLabel("Choose a guide");
    const broken = `# A broken guide\n\n# Caching\n\n<details><summary>1. What does ${marker} cache?</summary>\n\nIt caches.\n`;
    await picker.setInputFiles({ name: "broken.md", mimeType: "text/markdown", buffer: Buffer.from(broken) });
    await expect(admin.getByLabel("Source name")).toHaveValue("broken");
    await admin.getByRole("button", { name: "Check the guide" }).click();
    const alert = admin.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("problem(s) found in the guide; nothing was imported.");
    await expect(alert).toContainText("Line 5: <details> is never closed");

    const valid =
      `# ${marker} guide\n\nAn introduction that is not a question.\n\n# Caching\n\n` +
      `<details><summary>1. How does the ${marker} per-view cache key its entries?</summary>\n\n` +
      `By the full URL and the headers named in Vary.\n\n</details>\n\nWhen would you not cache a ${marker} view?\n`;
    await picker.setInputFiles({ name: `${marker}.md`, mimeType: "text/markdown", buffer: Buffer.from(valid) });
    await admin.getByRole("button", { name: "Check the guide" }).click();
    const report = admin.getByRole("region", { name: "Dry run: nothing written yet" });
    await expect(report).toContainText("2 questions (1 with answers, 0 with empty answers, 1 without)");
    await expect(report).toContainText("Questions: 2 would be created, 0 would be updated, 0 unchanged.");
    await expectAccessible(admin);
    await report.getByRole("button", { name: "Import it" }).click();
    const done = admin.getByRole("region", { name: "Imported" });
    await expect(done).toContainText("Questions: 2 were created");
    await admin.goto(`/questions?q=${marker}`);
    await expect(admin.getByRole("link", { name: new RegExp(`per-view cache key`) })).toBeVisible();
    await admin.context().close();
  });

  test("the pack page lists the built-in packs; an admin checks, installs, downloads, disables and enables a pack", async ({
    browser,
  }) => {
    const admin = await adminPage(browser, "Pat Packer");
    const marker = `narwhal${word()}`;
    await admin.goto("/admin");
    await admin.getByRole("link", { name: "Content packs" }).click();
    const builtIn = admin.getByRole("region", { name: "Built in" });
    for (const title of ["Django interview guide", "Python language", "SQL and PostgreSQL", "HTTP, REST and the web"])
      await expect(builtIn.getByRole("button", { name: `Disable ${title}` })).toBeVisible();
    await expect(builtIn.getByRole("link", { name: "Download SQL and PostgreSQL" })).toHaveAttribute(
      "href",
      "/api/admin/packs/sql",
    );

    const point = (text: string, term: string) => ({
      text,
      concepts: [{ name: term, any: [term] }],
      disqualifiers: [],
    });
    const file = {
      format: "mockroom-pack",
      formatVersion: 1,
      name: `pack-${marker}`,
      title: `The ${marker} pack`,
      version: "1.0",
      topics: [{ slug: "python", name: "A name the bank keeps its own", order: 1 }],
      questions: [
        {
          slug: `${marker}-generators`,
          topic: "python",
          title: `How do ${marker} generators pause?`,
          prompt: "Explain what a generator function returns and how yield suspends it.",
          modelAnswer:
            "Calling it returns a generator; each next() runs the body to the next yield and suspends there.",
          keyPoints: [
            point("It returns a generator", "generator"),
            point("yield suspends it", "yield"),
            point("next() resumes it", "next"),
          ],
          difficulty: "easy",
          tags: ["python"],
          estimatedMinutes: 3,
          source: { name: "e2e" },
          companies: [],
        },
      ],
    };
    const installed = admin.getByRole("region", { name: "Installed packs" });
    await installed
      .getByLabel("Choose a pack file")
      .setInputFiles({ name: "pack.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await installed.getByRole("button", { name: "Check the pack" }).click();
    const plan = admin.getByRole("region", { name: `Dry run of pack-${marker} 1.0: nothing written yet` });
    await expect(plan).toContainText("Questions: 1 would be created");
    await expect(plan).toContainText("Already in the bank and left as they are: python.");
    await expectAccessible(admin);
    await plan.getByRole("button", { name: "Install it" }).click();
    await expect(admin.getByRole("region", { name: `Installed pack-${marker} 1.0` })).toBeVisible();
    const item = installed.getByRole("listitem").filter({ hasText: `The ${marker} pack` });
    await expect(item).toContainText("1 live question · installed by Pat Packer");

    const download = await admin.request.get(`/api/admin/packs/pack-${marker}`);
    expect(download.headers()["content-disposition"]).toBe(`attachment; filename="pack-${marker}-1.0.json"`);
    expect(((await download.json()) as { questions: { slug: string }[] }).questions[0]!.slug).toBe(
      `${marker}-generators`,
    );

    admin.once("dialog", (dialog) => void dialog.accept());
    await item.getByRole("button", { name: `Disable The ${marker} pack` }).click();
    await expect(item).toContainText("disabled");
    await expect(item).toContainText("0 live questions, 1 archived");
    await admin.goto(`/questions?q=${marker}`);
    await expect(admin.getByText(`How do ${marker} generators pause?`)).toHaveCount(0);
    await admin.goto("/admin/packs");
    await item.getByRole("button", { name: `Enable The ${marker} pack` }).click();
    await expect(item).toContainText("1 live question");
    await expect(item).not.toContainText("disabled");
    await admin.context().close();
  });

  test("a problem's code is saved only after Run all passes: the reference passes, the starter and wrong ones fail", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const admin = await adminPage(browser, "Pat Problem");
    await admin.goto("/admin/questions/alphanumeric-palindrome");
    const code = admin.getByRole("region", { name: "Code and tests (Python)" });
    const save = code.getByRole("button", { name: "Save code and tests" });
    await expect(save).toBeDisabled();
    await expect(code.getByText("Python is ready.")).toBeVisible({ timeout: 90_000 });
    const solution = code.getByLabel("Reference solution");
    const original = await solution.inputValue();

    // A reference that fails a test: Run all says so, and nothing can be saved.
    await solution.fill("def is_clean_palindrome(text):\n    return text == text[::-1]\n");
    await code.getByRole("button", { name: "Run all" }).click();
    const results = code.getByRole("list", { name: "Run all: results" });
    await expect(results.getByRole("listitem").first()).toContainText(
      "The reference solution passes every test: Fails",
    );
    await expect(save).toBeDisabled();

    // The right reference, and a starter that still fails: everything checks out, and it saves.
    await solution.fill(original);
    await expect(results).toContainText("Changed since the run");
    await code
      .getByLabel("Starter code")
      .fill("def is_clean_palindrome(text):\n    # Letters and digits only, any case.\n    ...\n");
    await code.getByRole("button", { name: "Run all" }).click();
    await expect(results.getByRole("listitem")).toHaveCount(6);
    await expect(results).toContainText("The reference solution passes every test: 10 of 10 pass");
    await expect(results).toContainText("The wrong solution “case-sensitive” fails a test");
    await expect(results.getByText("not saved until this passes")).toHaveCount(0);
    await expect(save).toBeEnabled();
    await code.getByLabel("What changed, and why").fill("A starter that says what to ignore");
    await save.click();
    await expect(code.getByRole("status")).toHaveText(/^Saved as revision \d+\.$/);
    await expect(admin.getByRole("region", { name: "History" }).getByRole("listitem").first()).toContainText(
      "A starter that says what to ignore",
    );
    await admin.context().close();
  });

  test("an admin changes an interview format, sees the change in its history, and restores the earlier one", async ({
    browser,
  }) => {
    const admin = await adminPage(browser, "Fay Formats");
    await admin.goto("/admin/formats");
    const first = admin.getByRole("main").getByRole("listitem").first().getByRole("link");
    const name = (await first.textContent())!;
    await first.click();
    await expect(admin.getByRole("heading", { name: `Edit: ${name}` })).toBeVisible();
    const minutes = admin.getByLabel("Minutes", { exact: true });
    const before = await minutes.inputValue();
    await minutes.fill(String(Number(before) + 5));
    await admin.getByRole("button", { name: "Save" }).click();
    await expect(admin.getByRole("status")).toHaveText("Saved. New interviews use it at once.");
    const history = admin.getByRole("region", { name: "History" });
    await expect(history.getByRole("listitem").first()).toContainText("Changed: Minutes");
    await expectAccessible(admin);
    await history
      .getByRole("button", { name: /^Restore revision \d+$/ })
      .first()
      .click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Restore" }).click();
    await expect(minutes).toHaveValue(before);
    await expect(history.getByRole("listitem").first()).toContainText("Restored revision");
    await admin.context().close();
  });
});
