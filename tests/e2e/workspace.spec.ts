import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, newEmail, registerViaApi, signInViaApi } from "./helpers";

const QUESTION = "what-is-drf-and-why-use-it";

async function signedIn(page: Page) {
  const email = newEmail("workspace");
  await registerViaApi(page.request, email, "Grace");
  await signInViaApi(page.request, email);
  return email;
}

const noteEditor = (page: Page) => page.getByRole("textbox", { name: "Your note (markdown)" });
const practiceEditor = (page: Page) => page.getByRole("textbox", { name: "Your practice answer" });

test("write a note, reload, find it with search, and download it in an export", async ({ page }) => {
  await signedIn(page);
  await page.goto(`/questions/${QUESTION}`);
  await noteEditor(page).click();
  await page.keyboard.type("Serializers validate input. Remember **throttling** scopes <img src=x onerror=alert(1)>");
  // The live preview renders the markdown, without the raw HTML.
  await expect(page.getByTestId("markdown-preview").locator("strong")).toHaveText("throttling");
  await expect(page.getByTestId("markdown-preview").locator("img")).toHaveCount(0);
  const noteSection = page.getByTestId("note-editor");
  await expect(noteSection.getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });

  await page.reload();
  await expect(noteEditor(page)).toContainText("Remember **throttling** scopes");

  await page.goto("/notes");
  await page.getByRole("searchbox", { name: "Search your notes" }).fill("throttl");
  await page.getByRole("button", { name: "Search" }).click();
  const result = page.getByRole("list", { name: "Notes" }).getByRole("listitem");
  await expect(result).toHaveCount(1);
  await expect(page.getByText("Best matches first.")).toBeVisible();
  await expect(result.locator("mark").first()).toHaveText(/throttling/i);
  await expect(result.getByRole("link")).toHaveText(/Django REST Framework/);

  await page.goto("/account");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download JSON" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mockroom-export-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as {
    notes: { question: string; content: string }[];
  };
  expect(exported.notes).toEqual([
    expect.objectContaining({ question: QUESTION, content: expect.stringContaining("Remember **throttling** scopes") }),
  ]);

  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Markdown" }).click(),
  ]);
  expect(fs.readFileSync((await markdown.path())!, "utf8")).toContain("Remember **throttling** scopes");
});

test("typing before the editor has loaded: the editor takes over with the text, the focus and the cursor in sight", async ({
  page,
}) => {
  await signedIn(page);
  // Hold back the editor's code (the one chunk that defines CodeMirror's view) until the plain textarea has text.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("cm-lineWrapping")) await released;
    await route.fulfill({ response, body });
  });
  await page.goto(`/questions/${QUESTION}`);
  const textarea = page.locator("textarea[aria-label='Your note (markdown)']");
  await textarea.click();
  const lines = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long note.`).join("\n");
  await page.keyboard.insertText(`${lines}\nThe last line`);
  release();
  await expect(page.locator(".cm-content[aria-label='Your note (markdown)']")).toBeVisible();
  await expect(textarea).toHaveCount(0);
  // The cursor's line is on screen as it was in the textarea (the editor grows with its text: without scrolling
  // to the cursor it showed the top of the note), and typing goes on where it was.
  await expect(page.locator(".cm-line", { hasText: "The last line" })).toBeInViewport();
  await page.keyboard.insertText(", typed after the switch");
  await expect(page.locator(".cm-line", { hasText: "The last line, typed after the switch" })).toBeInViewport();
  // Nothing was lost on the way (the editor shows only the lines near the screen; the server has them all).
  await expect(page.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
  const saved = (await (await page.request.get(`/api/questions/${QUESTION}/note`)).json()) as { content: string };
  expect(saved.content).toBe(`${lines}\nThe last line, typed after the switch`);
});

test("an answer that makes a wrong claim is not credited for a term it only names, and the verdict says why", async ({
  page,
}) => {
  await signedIn(page);
  await page.goto("/questions/fix-n-plus-one-queries-django");
  await practiceEditor(page).click();
  await page.keyboard.type("select_related handles many-to-many too. Add prefetch_related.");
  await page.getByRole("button", { name: "Save answer" }).click();
  const version = page.getByRole("region", { name: /Version 1/ });
  await expect(version.getByRole("heading", { name: /Version 1: 0% of the key points/ })).toBeVisible();
  const point = version.getByRole("listitem").filter({ hasText: "select_related for FK/O2O" });
  await expect(point).toContainText("Not counted: “select_related handles many-to-many”");
  await expect(point).toContainText("Named but not explained: “prefetch_related” for");
});

test("practise a question, save versions, compare them, rate it Again and review it", async ({ page }) => {
  await signedIn(page);
  await page.goto(`/questions/${QUESTION}`);
  await practiceEditor(page).click();
  await page.keyboard.type("DRF is a toolkit for Web APIs.");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByRole("heading", { name: /Version 1: \d+% of the key points/ })).toBeVisible();
  await practiceEditor(page).click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Serializers convert and validate; viewsets and routers build the URLs.");
  await page.getByRole("button", { name: "Save answer" }).click();
  await expect(page.getByRole("heading", { name: /Version 2: \d+% of the key points/ })).toBeVisible();
  // Every verdict explains itself: what was heard, quoted from the answer, or which concept was not heard.
  const verdicts = page.getByRole("region", { name: /Version 2/ }).getByRole("listitem");
  expect(await verdicts.count()).toBeGreaterThanOrEqual(3);
  for (const verdict of await verdicts.all()) await expect(verdict).toContainText(/Heard “[^”]+” for |Not heard: /);
  for (const phrase of await page
    .getByRole("region", { name: /Version 2/ })
    .getByText(/^Heard /)
    .allTextContents()) {
    for (const quoted of phrase.matchAll(/“([^”]+)”/g))
      expect(
        "DRF is a toolkit for Web APIs. Serializers convert and validate; viewsets and routers build the URLs.",
      ).toContain(quoted[1]!.replace(/…$/, ""));
  }

  await page.getByText("Versions (2) and differences").click();
  await expect(page.getByTestId("text-diff").locator("ins").first()).toContainText("Serializers");

  await page.getByRole("button", { name: "Again", exact: true }).click();
  await expect(page.getByText(/In your revision queue: next review/)).toBeVisible();
  await expect(page.getByRole("button", { name: "In revision queue" })).toHaveAttribute("aria-pressed", "true");

  await page.goto("/review");
  await expect(page.getByRole("heading", { name: /Django REST Framework/ })).toBeVisible();
  await expect(page.getByText("you rated it Again or Hard")).toBeVisible();
  await page.getByRole("button", { name: "Show the model answer" }).click();
  await expect(page.getByRole("region", { name: "Model answer" })).toContainText("Serializers");
  await page.keyboard.press("3"); // Good: the next learning step is minutes away, so it comes back later today
  await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("list", { name: "Your progress" })).toContainText("1 question practised");
  await expect(page.getByRole("list", { name: "Strength by topic" })).toContainText("Django REST Framework");
  await expectAccessible(page, { bestPractice: true });
});

test("bookmark, build a set from a question page and start a practice interview from it", async ({ page }) => {
  await signedIn(page);
  await page.goto(`/questions/${QUESTION}`);
  await page.getByRole("button", { name: "Bookmark" }).click();
  await expect(page.getByRole("button", { name: "Bookmarked" })).toHaveAttribute("aria-pressed", "true");
  await page.locator("#content").getByText("Sets", { exact: true }).click();
  await page.getByLabel("New set name").fill("DRF week");
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText("Created DRF week with this question.")).toBeVisible();

  await page.goto("/sets");
  await expect(page.getByRole("region", { name: "Bookmarks" }).getByRole("link")).toHaveText(/Django REST Framework/);
  await page.getByRole("link", { name: "DRF week" }).click();
  await expect(page.getByRole("heading", { name: "DRF week" })).toBeVisible();
  await page.getByRole("button", { name: "Start a practice interview" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set: DRF week");
  await expect(page.getByRole("heading", { level: 2 })).toContainText("Django REST Framework");
});

test("another user's set is a 404, and signed-out visitors are asked to sign in", async ({ page, browser }) => {
  await signedIn(page);
  const created = await page.request.post("/api/sets", { data: { name: "Private" } });
  const { id } = (await created.json()) as { id: string };
  const stranger = await browser.newPage();
  await signedIn(stranger);
  expect((await stranger.goto(`/sets/${id}`))!.status()).toBe(404);
  expect((await stranger.request.get(`/api/sets/${id}`)).status()).toBe(404);
  await stranger.close();

  const anonymous = await browser.newPage();
  await anonymous.goto("/review");
  await expect(anonymous.getByRole("heading", { name: "Sign in to use this" })).toBeVisible();
  expect((await anonymous.request.get("/api/notes")).status()).toBe(401);
  await anonymous.close();
});

test("import an export into a new account from the account page; a broken file names its field and writes nothing", async ({
  page,
}, testInfo) => {
  await signedIn(page);
  await page.request.put(`/api/questions/${QUESTION}/note`, {
    data: { content: "Moved between accounts", revision: 0 },
  });
  const exported = JSON.parse(await (await page.request.get("/api/me/export")).text()) as {
    profile: { timeZone: string };
  };
  const good = testInfo.outputPath("export.json");
  const broken = testInfo.outputPath("broken.json");
  fs.writeFileSync(good, JSON.stringify(exported));
  fs.writeFileSync(
    broken,
    JSON.stringify({ ...exported, profile: { ...exported.profile, timeZone: "Mars/Olympus_Mons" } }),
  );

  await signedIn(page); // another, empty account
  await page.goto("/account");
  const file = page.getByLabel("Import a JSON export into this account (only while it is empty)");
  await file.setInputFiles(broken);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The import was refused" })).toContainText(
    "profile.timeZone: is not a time zone",
  );
  await file.setInputFiles(good);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText(/Imported .*\b1 note\b/);
  await page.goto(`/questions/${QUESTION}`);
  await expect(noteEditor(page)).toContainText("Moved between accounts");
});

test("delete the account: password asked, everything gone, signed out", async ({ page }) => {
  const email = await signedIn(page);
  await page.request.put(`/api/questions/${QUESTION}/note`, { data: { content: "to be deleted", revision: 0 } });
  await page.goto("/account");
  await page.getByLabel("Your password").fill("wrong password entirely");
  await page.getByLabel(/Type delete my account/).fill("delete my account");
  await page.getByRole("button", { name: "Delete my account and all my data" }).click();
  await expect(page.getByText("The password is not correct.")).toBeVisible();
  await page.getByLabel("Your password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Delete my account and all my data" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await signInViaApi(page.request, email)).headers()["location"]).toContain("error=CredentialsSignin");
});

test("two tabs editing the same note show a conflict instead of losing a write", async ({ page, context }) => {
  await signedIn(page);
  const other = await context.newPage();
  await page.goto(`/questions/${QUESTION}`);
  await other.goto(`/questions/${QUESTION}`);

  await noteEditor(page).click();
  await page.keyboard.type("Written in tab A.");
  await expect(page.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved");

  await noteEditor(other).click();
  await other.keyboard.type("Written in tab B.");
  await expect(other.getByRole("heading", { name: "This note was also changed elsewhere" })).toBeVisible();
  await expect(other.getByText("Written in tab A.", { exact: true })).toBeVisible();
  await other.getByRole("button", { name: "Keep my version" }).click();
  await expect(other.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect(noteEditor(page)).toContainText("Written in tab B.");
});

for (const scheme of ["light", "dark"] as const) {
  test(`signed-in question page, notes, account and a new user's dashboard pass accessibility checks (${scheme})`, async ({
    page,
  }) => {
    test.slow(); // four pages, each with a full accessibility check
    await page.emulateMedia({ colorScheme: scheme });
    await signedIn(page);
    await page.goto(`/questions/${QUESTION}`);
    await noteEditor(page).click();
    await page.keyboard.type("A note with `code` and a [link](https://www.djangoproject.com/).");
    await expect(page.getByTestId("note-editor").getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
    await page.getByText("Show the model answer").click();
    const pages: [string, () => Promise<void>][] = [
      [`/questions/${QUESTION}`, async () => undefined],
      ["/notes", () => expect(page.getByRole("list", { name: "Notes" }).getByRole("listitem")).toHaveCount(1)],
      ["/account", () => expect(page.getByRole("heading", { level: 1 })).toBeVisible()],
      // Nothing answered yet: every topic says so instead of showing 0%, and none is called weak.
      [
        "/dashboard",
        async () => {
          await expect(
            page.getByRole("list", { name: "Strength by topic" }).getByText("Not practised yet").first(),
          ).toBeVisible();
          await expect(page.getByRole("heading", { name: "Weakest topics" })).toHaveCount(0);
        },
      ],
    ];
    for (const [path, ready] of pages) {
      if (path !== `/questions/${QUESTION}`) await page.goto(path);
      await ready();
      await expectAccessible(page, { all: true, label: path });
    }
  });
}
