import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { expectAccessible, focusOnTopics, newEmail, registerViaApi, signInViaApi } from "./helpers";

async function signedIn(page: Page) {
  const email = newEmail("coding");
  await registerViaApi(page.request, email, "Grace");
  await signInViaApi(page.request, email);
  return email;
}

async function codingQuestionOf(interviewId: string) {
  const [row] = await e2eQuery<{ position: number; title: string; solution: string; tests: number }>(
    `select iq.position, q.title, c.solution,
            jsonb_array_length(c."visibleTests") + jsonb_array_length(c."hiddenTests") as tests
     from "InterviewQuestion" iq join "Question" q on q.id = iq."questionId" join "CodingProblem" c on c."questionId" = q.id
     where iq."interviewId" = $1`,
    [interviewId],
  );
  return row!;
}

/** Replaces the editor's text as a paste would (typing would auto-indent the code). */
async function paste(page: Page, editor: ReturnType<Page["getByRole"]>, text: string) {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

/** Every request for the runner's files (the page's and its worker's), with the bytes that crossed the network. */
function watchRunnerDownloads(page: Page) {
  const seen: Promise<{ file: string; transferred: number }>[] = [];
  page.on("requestfinished", (request) => {
    if (!new URL(request.url()).pathname.startsWith("/python/")) return;
    seen.push(
      request.sizes().then((s) => ({
        file: request.url().split("/").at(-1)!,
        transferred: s.responseBodySize + s.responseHeadersSize,
      })),
    );
  });
  return { count: () => seen.length, all: () => Promise.all(seen) };
}

/** JavaScript the page downloaded (gzipped bytes on the wire), so far. */
function watchScripts(page: Page) {
  const seen: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (request.resourceType() !== "script" || new URL(request.url()).pathname.startsWith("/python/")) return;
    seen.push(request.sizes().then((s) => s.responseBodySize));
  });
  return async () => (await Promise.all(seen)).reduce((a, b) => a + b, 0);
}

test("a coding question in an interview: run the visible tests, fix the code, finish, see the hidden tests", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signedIn(page);
  const downloads = watchRunnerDownloads(page);
  await page.goto("/interviews/new?company=jpmorgan");
  await focusOnTopics(page, ["models-orm"]); // its coding problems are Python
  await page.getByLabel("Practice", { exact: false }).first().check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  const problem = await codingQuestionOf(id);

  // Pages without a coding question do not load the runner.
  await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
  expect(downloads.count()).toBe(0);
  // The room's JavaScript on a cold cache, then what opening the coding question adds (runner excluded).
  const cold = await browser.newContext({ storageState: await page.context().storageState() });
  const coldPage = await cold.newPage();
  const scripts = watchScripts(coldPage);
  await coldPage.goto(`/interviews/${id}`);
  await coldPage.waitForLoadState("networkidle");
  const roomJs = await scripts();
  await coldPage.getByRole("button", { name: new RegExp(`^Question ${problem.position + 1},`) }).click();
  await expect(coldPage.getByRole("button", { name: "Run visible tests" })).toBeVisible();
  await coldPage.waitForLoadState("networkidle");
  const workspaceJs = (await scripts()) - roomJs;
  await cold.close();

  const opened = Date.now();
  await page.getByRole("button", { name: new RegExp(`^Question ${problem.position + 1},`) }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(problem.title);
  await expect(page.getByRole("status").filter({ hasText: "Python is ready." })).toBeVisible({ timeout: 30_000 });
  const loadMs = Date.now() - opened;

  const editor = page.getByRole("textbox", { name: /Your code for question/ });
  await expect(editor).toContainText("def ");
  await page.getByRole("button", { name: "Run visible tests" }).click();
  const results = page.getByRole("region", { name: "Visible tests" });
  await expect(results.getByTestId("tests-summary")).not.toHaveText(/^(\d+) of \1 tests passed$/);
  await expect(results.getByText("Failed", { exact: true }).first()).toBeVisible();
  await expect(results.getByText("Expected").first()).toBeVisible();

  await paste(page, editor, problem.solution);
  const warm = Date.now();
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(results.getByTestId("tests-summary")).toHaveText(/^(\d+) of \1 tests passed$/);
  const warmMs = Date.now() - warm;
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 5_000 });

  await expectAccessible(page, { all: true });

  const files = await downloads.all();
  test
    .info()
    .annotations.push(
      { type: "interview-page-js-bytes (cold cache, without the runner)", description: String(roomJs) },
      { type: "coding-workspace-js-bytes (loaded when the coding question opens)", description: String(workspaceJs) },
      { type: "pyodide-first-load-ms (open question → ready)", description: String(loadMs) },
      { type: "pyodide-transferred-bytes", description: String(files.reduce((sum, d) => sum + d.transferred, 0)) },
      { type: "pyodide-files", description: JSON.stringify(files) },
      { type: "warm-visible-run-ms (click → results)", description: String(warmMs) },
    );

  await page.getByRole("button", { name: "Finish interview" }).click();
  await page.getByRole("button", { name: "Yes, finish" }).click();
  await page.waitForURL(/\/review$/, { timeout: 30_000 });
  const tests = page.getByRole("region", { name: "Visible and hidden tests" });
  await expect(tests.getByTestId("tests-summary")).toHaveText(`${problem.tests} of ${problem.tests} tests passed`);
  await expect(tests.getByText("hidden", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Self-reported by your browser/)).toBeVisible();
  const [row] = await e2eQuery<{ score: number }>(
    `select iq.score from "InterviewQuestion" iq join "CodingProblem" c on c."questionId" = iq."questionId" where iq."interviewId" = $1`,
    [id],
  );
  expect(row!.score).toBe(1);
});

test("a coding question's page: practise it signed in, a sign-in prompt otherwise", async ({ page }) => {
  test.slow(); // Python in the browser, twice
  const [problem] = await e2eQuery<{ slug: string; solution: string; starterCode: string }>(
    `select q.slug, c.solution, c."starterCode" from "Question" q join "CodingProblem" c on c."questionId" = q.id
     where c.language = 'PYTHON' order by q.slug limit 1`,
  );
  const scripts = watchScripts(page);
  await page.goto(`/questions/${problem!.slug}`);
  await expect(page.getByRole("heading", { name: "Sign in to use this" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  test.info().annotations.push({
    type: "question-page-js-bytes (signed out, no workspace)",
    description: String(await scripts()),
  });

  const email = await signedIn(page);
  await page.goto(`/questions/${problem!.slug}`);
  const editor = page.getByRole("textbox", { name: "Your solution" });
  await paste(page, editor, problem!.solution);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByTestId("tests-summary")).toHaveText(/^(\d+) of \1 tests passed$/, { timeout: 30_000 });

  // Autosaved as the practice draft (server, revision-checked) and there after a reload; "Reset to starter" asks first.
  await expect(page.getByTestId("save-status").first()).toHaveText("Saved", { timeout: 10_000 });
  const [saved] = await e2eQuery<{ draft: string }>(
    `select pa.draft from "PracticeAnswer" pa join "Question" q on q.id = pa."questionId" join "User" u on u.id = pa."userId"
     where q.slug = $1 and u.email = $2`,
    [problem!.slug, email],
  );
  expect(saved?.draft).toBe(problem!.solution);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Your solution" })).toContainText(problem!.solution.split("\n")[0]!);
  await page.getByRole("button", { name: "Reset to starter" }).click();
  await page
    .getByRole("alertdialog", { name: "Replace your code with the starter code?" })
    .getByRole("button", { name: "Reset to starter" })
    .click();
  const solutionOnly = problem!.solution
    .split("\n")
    .find((line) => line.trim() && !problem!.starterCode.includes(line))!;
  await expect(page.getByRole("textbox", { name: "Your solution" })).not.toContainText(solutionOnly.trim());

  await page.getByRole("button", { name: "Reveal the reference solution" }).click();
  await page
    .getByRole("alertdialog", { name: "Show the reference solution?" })
    .getByRole("button", { name: "Show the solution" })
    .click();
  await expect(page.getByRole("region", { name: "Reference solution" })).toContainText(
    problem!.solution.split("\n")[0]!,
  );
});

test("a SQL problem runs its query on PostgreSQL in the browser: failures show both result sets, errors their line", async ({
  page,
}) => {
  test.slow(); // PostgreSQL in the browser
  const [problem] = await e2eQuery<{ slug: string; solution: string; tests: number }>(
    `select q.slug, c.solution, jsonb_array_length(c."visibleTests") as tests
     from "Question" q join "CodingProblem" c on c."questionId" = q.id
     where c.language = 'SQL' and q."archivedAt" is null order by q.slug limit 1`,
  );
  await signedIn(page);
  const sqlFiles: string[] = [];
  page.on("requestfinished", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/sql/")) sqlFiles.push(url.pathname.split("/").at(-1)!);
  });
  await page.goto(`/questions/${problem!.slug}`);
  const editor = page.getByRole("textbox", { name: "Your solution" });
  await expect(editor).toContainText("select");
  await expect(page.getByRole("status").filter({ hasText: "PostgreSQL is ready." })).toBeVisible({ timeout: 60_000 });

  // The starter query is wrong: at least one test fails, with the expected and the actual rows side by side.
  await page.getByRole("button", { name: "Run visible tests" }).click();
  const summary = page.getByTestId("tests-summary");
  await expect(summary).toHaveText(/tests passed$/);
  await expect(summary).not.toHaveText(/^(\d+) of \1 tests passed$/);
  await expect(page.getByText("Expected").first()).toBeVisible();

  // A syntax error is reported once, with its line.
  await paste(page, editor, "select name\nfrom departments\nwher id = 1");
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByText(/syntax error/).first()).toBeVisible();
  await expect(page.getByText(/line 3/i).first()).toBeVisible();

  // The reference query passes every visible test.
  await paste(page, editor, problem!.solution);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(summary).toHaveText(`${problem!.tests} of ${problem!.tests} tests passed`);
  await expect(page.getByTestId("save-status").first()).toHaveText("Saved", { timeout: 10_000 });

  // Everything came from the app itself (no CDN), from the allowlisted files.
  expect(sqlFiles).toEqual(expect.arrayContaining(["sql-worker.mjs", "index.js", "pglite.wasm", "pglite.data"]));
  await expectAccessible(page, { all: true });
});

test("the coding assessment's SQL problem: answered in the room, its hidden tests run on PostgreSQL at the end", async ({
  page,
}) => {
  test.slow(); // PostgreSQL in the browser
  await signedIn(page);
  await page.goto("/interviews/new?company=coding-assessment");
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  const [problem] = await e2eQuery<{ position: number; title: string; solution: string; tests: number }>(
    `select iq.position, q.title, c.solution,
            jsonb_array_length(c."visibleTests") + jsonb_array_length(c."hiddenTests") as tests
     from "InterviewQuestion" iq join "Question" q on q.id = iq."questionId" join "CodingProblem" c on c."questionId" = q.id
     where iq."interviewId" = $1 and c.language = 'SQL'`,
    [id],
  );
  await page.getByRole("button", { name: new RegExp(`^Question ${problem!.position + 1},`) }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(problem!.title);
  const editor = page.getByRole("textbox", { name: /Your code for question/ });
  await expect(editor).toContainText("select");
  await paste(page, editor, problem!.solution);
  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByRole("region", { name: "Visible tests" }).getByTestId("tests-summary")).toHaveText(
    /^(\d+) of \1 tests passed$/,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 5_000 });

  await page.getByRole("button", { name: "Finish interview" }).click();
  await page.getByRole("button", { name: "Yes, finish" }).click();
  await page.waitForURL(/\/review$/, { timeout: 30_000 });
  const tests = page.getByRole("region", { name: "Visible and hidden tests" });
  await expect(tests.getByTestId("tests-summary")).toHaveText(`${problem!.tests} of ${problem!.tests} tests passed`, {
    timeout: 30_000,
  });
  await expect(tests.getByText("hidden", { exact: true }).first()).toBeVisible();
  const [row] = await e2eQuery<{ score: number }>(
    `select iq.score from "InterviewQuestion" iq join "CodingProblem" c on c."questionId" = iq."questionId"
     where iq."interviewId" = $1 and c.language = 'SQL'`,
    [id],
  );
  expect(row!.score).toBe(1);
});
