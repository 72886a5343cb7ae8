import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { axeViolations, expectAccessible, newEmail, registerViaApi, signInViaApi } from "./helpers";

async function signedIn(page: Page) {
  const email = newEmail("interview");
  await registerViaApi(page.request, email, "Ada");
  await signInViaApi(page.request, email);
  return email;
}

async function startInterview(page: Page, company = "deloitte", mode = "Strict") {
  await page.goto(`/interviews/new?company=${company}`);
  await page.getByLabel(mode, { exact: false }).first().check();
  const clicked = Date.now();
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
  test.info().annotations.push({ type: "start-to-first-question-ms", description: String(Date.now() - clicked) });
  return page.url().split("/").at(-1)!;
}

const editor = (page: Page) => page.getByRole("textbox", { name: /Your answer to question/ });

test("start a strict interview, answer, reload without losing anything, finish and review", async ({ page }) => {
  test.slow(); // it goes on to the revision queue and the dashboard, with two accessibility checks
  await signedIn(page);
  await startInterview(page);
  await expect(page.getByRole("timer")).toHaveText(/^(44|45):\d\d$/);

  await editor(page).click();
  await page.keyboard.type("Django is a batteries-included Python web framework with an ORM, admin and auth.");
  const saveStarted = Date.now();
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 5_000 });
  test.info().annotations.push({
    type: "autosave-round-trip-ms (incl. 1 s debounce)",
    description: String(Date.now() - saveStarted),
  });

  const before = await page.getByRole("timer").textContent();
  await page.reload();
  await expect(editor(page)).toContainText("batteries-included Python web framework");
  const after = await page.getByRole("timer").textContent();
  const seconds = (t: string | null) => Number(t!.split(":")[0]) * 60 + Number(t!.split(":")[1]);
  expect(seconds(before) - seconds(after)).toBeGreaterThanOrEqual(0);
  expect(seconds(before) - seconds(after)).toBeLessThan(10);

  await page.getByRole("button", { name: "Finish interview" }).click();
  await page.getByRole("button", { name: "Yes, finish" }).click();
  await page.waitForURL(/\/review$/);
  const first = page.getByRole("main").getByRole("listitem").first();
  await expect(first.getByRole("region", { name: "Your answer" })).toContainText(
    "batteries-included Python web framework",
  );
  await expect(first.getByRole("region", { name: "Model answer" })).not.toBeEmpty();
  await expect(first.getByRole("region", { name: "Key points" })).toBeVisible();
  // The button shows the rating at once; the reload waits for the server to have it.
  const rated = page.waitForResponse((r) => r.url().endsWith("/rating") && r.request().method() === "PUT");
  await first.getByRole("button", { name: "Good" }).click();
  await expect(first.getByRole("button", { name: "Good" })).toHaveAttribute("aria-pressed", "true");
  expect((await rated).status()).toBe(200);
  await page.reload();
  await expect(
    page.getByRole("main").getByRole("listitem").first().getByRole("button", { name: "Good" }),
  ).toHaveAttribute("aria-pressed", "true");

  // Only the first question was answered: the rest are skipped, not wrong, and the score says what it rests on.
  await expect(page.getByTestId("answered-count")).toHaveText(/^1 of \d+ answered$/);
  await expect(page.getByText("skipped: not scored").first()).toBeVisible();

  // The revision queue says why each skipped question is there (a low-scored first answer may come first).
  await page.goto("/review");
  const card = page.getByTestId("review-card");
  for (let i = 0; i < 10 && !(await card.getByText("skipped in a mock interview").isVisible()); i++) {
    await page.getByRole("button", { name: "Show the model answer" }).click();
    await page.keyboard.press("4");
    await expect(card.getByText(`Question ${i + 2} of`)).toBeVisible();
  }
  await expect(card.getByText(/· skipped in a mock interview$/)).toBeVisible();
  await expect(card).not.toContainText("scored low");
  expect(await axeViolations(page, { all: true })).toEqual([]);

  // On the dashboard, the answered topic rests on one answer (tentative); topics only skipped are not practised.
  await page.goto("/dashboard");
  const strength = page.getByRole("list", { name: "Strength by topic" });
  await expect(strength.getByText("tentative").first()).toBeVisible();
  await expect(strength).toContainText("from 1 answer");
  await expect(strength.getByText("Not practised yet").first()).toBeVisible();
  expect(await axeViolations(page, { all: true })).toEqual([]);
});

test("when time runs out the interview submits itself", async ({ page }) => {
  await signedIn(page);
  const id = await startInterview(page, "mckinsey");
  await editor(page).click();
  await page.keyboard.type("An answer written against the clock.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  // Instead of waiting the full duration, move this interview's deadline to a few seconds from now.
  await e2eQuery(`update "Interview" set "deadlineAt" = now() + interval '4 seconds' where id = $1`, [id]);
  await page.reload();
  // Under a minute left: the warning is shown and announced; at zero the page submits by itself
  // (the "Time is up" announcement lasts only until the review loads, too briefly to assert on).
  await expect(page.getByTestId("clock-announcement")).toHaveText("1 minute left.");
  await page.waitForURL(/\/review$/, { timeout: 15_000 });
  await expect(page.getByRole("main")).toContainText("An answer written against the clock.");
  const [row] = await e2eQuery<{ status: string }>(`select status from "Interview" where id = $1`, [id]);
  expect(["FINISHED", "EXPIRED"]).toContain(row!.status);
});

test("two tabs editing the same answer show a conflict instead of losing a write", async ({ page, context }) => {
  await signedIn(page);
  const id = await startInterview(page, "jpmorgan", "Practice");
  const other = await context.newPage();
  await other.goto(`/interviews/${id}`);

  await editor(page).click();
  await page.keyboard.type("Written in tab A.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await editor(other).click();
  await other.keyboard.type("Written in tab B.");
  await expect(other.getByRole("heading", { name: "This answer was also changed elsewhere" })).toBeVisible();
  await expect(other.getByText("Written in tab A.", { exact: true })).toBeVisible();
  await other.getByRole("button", { name: "Keep my version" }).click();
  await expect(other.getByTestId("save-status")).toHaveText("Saved");

  await page.reload();
  await expect(editor(page)).toContainText("Written in tab B.");
});

test("a tab opened while another is still typing leaves that tab's draft to it", async ({ page, context }) => {
  await signedIn(page);
  const id = await startInterview(page, "jpmorgan", "Practice");
  const other = await context.newPage();
  let putsFromOther = 0;
  other.on("request", (request) => void (request.method() === "PUT" && putsFromOther++));
  // Tab A types steadily (never pausing long enough to save) while tab B opens and finds A's fresh draft.
  await editor(page).click();
  const typing = page.keyboard.type("Typed in tab A while tab B was opening.", { delay: 150 });
  await page.waitForTimeout(300);
  await other.goto(`/interviews/${id}`);
  await expect(editor(other)).toBeVisible();
  await typing;
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  // B did not send A's half-typed words, so A's own save met no conflict.
  expect(putsFromOther).toBe(0);
  await other.reload();
  await expect(editor(other)).toContainText("Typed in tab A while tab B was opening.");
});

test("going offline keeps the draft on the device and syncs it on return", async ({ page, context }) => {
  await signedIn(page);
  await startInterview(page, "product-startup", "Practice");
  await context.setOffline(true);
  await editor(page).click();
  await page.keyboard.type("Typed while the network was down.");
  await expect(page.getByTestId("save-status")).toHaveText(/Offline/, { timeout: 5_000 });
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
  await page.reload();
  await expect(editor(page)).toContainText("Typed while the network was down.");
});

/** The first answer save reaches the server and commits, but its response never arrives; `meanwhile` runs in between. */
async function loseFirstSaveAnswer(
  page: Page,
  interviewId: string,
  meanwhile: () => Promise<void> = async () => undefined,
) {
  let puts = 0;
  await page.route(`**/api/interviews/${interviewId}/answers/**`, async (route) => {
    if (route.request().method() !== "PUT" || puts++ > 0) return route.continue();
    await route.fetch(); // the server commits the write...
    await meanwhile();
    await route.abort("connectionreset"); // ...and the browser never hears back
  });
  return () => puts;
}

test("a save whose answer was lost is retried as saved, not as a conflict with itself", async ({ page }) => {
  await signedIn(page);
  const id = await startInterview(page, "deloitte", "Practice");
  const puts = await loseFirstSaveAnswer(page, id);
  await editor(page).click();
  await page.keyboard.insertText("Committed, then the connection dropped.");
  await expect(page.getByTestId("save-status")).toHaveText(/Offline/, { timeout: 5_000 });
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 10_000 });
  await expect(page.getByRole("heading", { name: "This answer was also changed elsewhere" })).toHaveCount(0);
  expect(puts()).toBe(2);
  await page.reload();
  await expect(editor(page)).toContainText("Committed, then the connection dropped.");
});

test("typing on after a save whose answer was lost: the newer text is saved over it, no conflict shown", async ({
  page,
}) => {
  await signedIn(page);
  const id = await startInterview(page, "deloitte", "Practice");
  await loseFirstSaveAnswer(page, id, () => page.keyboard.insertText(" Then more, typed before the retry."));
  await editor(page).click();
  await page.keyboard.insertText("The first part.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "This answer was also changed elsewhere" })).toHaveCount(0);
  await page.reload();
  await expect(editor(page)).toContainText("The first part. Then more, typed before the retry.");
});

test("someone else's interview is not found, in pages and in the API", async ({ page, browser, baseURL }) => {
  await signedIn(page);
  const id = await startInterview(page, "fintech-scaleup", "Practice");
  const questionId = (await (await page.request.get(`/api/interviews/${id}`)).json()).questions[0].id;

  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await signedIn(strangerPage);
  const api = strangerPage.request;
  expect((await api.get(`/api/interviews/${id}`)).status()).toBe(404);
  expect(
    (await api.put(`/api/interviews/${id}/answers/${questionId}`, { data: { content: "x", revision: 0 } })).status(),
  ).toBe(404);
  expect(
    (await api.put(`/api/interviews/${id}/answers/${questionId}/flag`, { data: { flagged: true } })).status(),
  ).toBe(404);
  expect(
    (await api.put(`/api/interviews/${id}/answers/${questionId}/rating`, { data: { rating: "good" } })).status(),
  ).toBe(404);
  expect((await api.post(`/api/interviews/${id}/finish`)).status()).toBe(404);
  expect((await api.post(`/api/interviews/${id}/abandon`)).status()).toBe(404);
  expect((await strangerPage.goto(`/interviews/${id}`))!.status()).toBe(404);
  expect((await strangerPage.goto(`/interviews/${id}/review`))!.status()).toBe(404);
  expect((await (await api.get("/api/interviews")).json()).items).toEqual([]);
  await stranger.close();

  const anonymous = await browser.newContext({ baseURL });
  expect((await anonymous.request.get(`/api/interviews/${id}`)).status()).toBe(401);
  expect(
    (await anonymous.request.post("/api/interviews", { data: { company: "deloitte", mode: "strict" } })).status(),
  ).toBe(401);
  await anonymous.close();
});

test("the API validates input and refuses a second interview in progress for the same profile", async ({ page }) => {
  await signedIn(page);
  const api = page.request;
  const bad = await api.post("/api/interviews", { data: { company: "deloitte", mode: "sprint" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toHaveProperty("mode");
  const first = await api.post("/api/interviews", { data: { company: "deloitte", mode: "strict" } });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created.questions.length).toBeGreaterThan(0);
  expect(JSON.stringify(created)).not.toContain("modelAnswer");
  const second = await api.post("/api/interviews", { data: { company: "deloitte", mode: "strict" } });
  expect(second.status()).toBe(409);
  expect((await second.json()).inProgress.id).toBe(created.id);
  const huge = await api.put(`/api/interviews/${created.id}/answers/${created.questions[0].id}`, {
    data: { content: "x".repeat(101 * 1024), revision: 0 },
  });
  expect(huge.status()).toBe(413);
  const stale = await api.put(`/api/interviews/${created.id}/answers/${created.questions[0].id}`, {
    data: { content: "hello", revision: 5 },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current).toEqual({ content: "", revision: 0 });
  const crossSite = await api.post(`/api/interviews/${created.id}/abandon`, {
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
});

test("interview pages pass accessibility checks", async ({ page }) => {
  await signedIn(page);
  await page.goto("/interviews/new");
  // expectAccessible waits for the title first: Next streams a dynamic page's metadata after its body.
  const check = () => expectAccessible(page, { all: true });
  await check();
  await startInterview(page, "deloitte", "Practice");
  await check();
  await page.getByRole("button", { name: "Finish interview" }).click();
  await page.getByRole("button", { name: "Yes, finish" }).click();
  await page.waitForURL(/\/review$/);
  await check();
  await page.goto("/interviews");
  await check();
});
