// The interview room as a candidate uses it (issue #22): the clock in view, prompts as on the question page,
// the open question remembered, the keyboard paths, finishing offline, and leaving a strict interview.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { axeViolations, focusOnTopics, newEmail, registerViaApi, signInViaApi, switchColorScheme } from "./helpers";

const PHONE = { width: 390, height: 844 };

async function signedIn(page: Page) {
  const email = newEmail("room");
  await registerViaApi(page.request, email, "Rita");
  await signInViaApi(page.request, email);
  return email;
}

async function startInterview(page: Page, company = "deloitte", mode = "Strict", topics: string[] = []) {
  await page.goto(`/interviews/new?company=${company}`);
  await focusOnTopics(page, topics);
  await page.getByLabel(mode, { exact: false }).first().check();
  await page.getByRole("button", { name: "Start interview" }).click();
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
  return page.url().split("/").at(-1)!;
}

/** The same user on another device: a browser context of its own, signed in with the same account. */
async function otherDevice(browser: Browser, baseURL: string | undefined, email: string, viewport = PHONE) {
  const context = await browser.newContext({ baseURL, viewport, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signInViaApi(page.request, email);
  return { context, page };
}

const editorOf = (page: Page, n: number) =>
  page.getByRole("textbox", { name: new RegExp(`^Your (answer to|code for) question ${n}$`) });
const questionButton = (page: Page, n: number) => page.getByRole("button", { name: new RegExp(`^Question ${n},`) });

test("the clock and its warnings stay in view while typing a long coding answer (1280x800) and on a phone", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  const email = await signedIn(page);
  const id = await startInterview(page, "jpmorgan", "Strict", ["models-orm"]); // a Python problem
  const [coding] = await e2eQuery<{ position: number }>(
    `select iq.position from "InterviewQuestion" iq join "Question" q on q.id = iq."questionId"
     where iq."interviewId" = $1 and q.kind = 'CODING' order by iq.position limit 1`,
    [id],
  );
  expect(coding, "a jpmorgan interview asks a coding question").toBeTruthy();
  // Under five minutes left: the warning must be seen and heard wherever the user is typing.
  await e2eQuery(`update "Interview" set "deadlineAt" = now() + interval '290 seconds' where id = $1`, [id]);
  await page.reload();
  await questionButton(page, coding!.position + 1).click();
  const code = editorOf(page, coding!.position + 1);
  await expect(code).toContainText("def ");
  await code.click();
  await page.keyboard.press("Control+End");
  for (let line = 0; line < 45; line++) await page.keyboard.insertText(`\nresult_${line} = ${line}`);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400); // the page did scroll
  await expect(page.getByRole("timer")).toBeInViewport();
  await expect(page.getByRole("timer")).toHaveText(/^0[34]:\d\d$/);
  const warning = page.getByTestId("clock-announcement");
  await expect(warning).toHaveText("5 minutes left.");
  await expect(warning).toHaveAttribute("aria-live", "assertive");
  await expect(warning).toBeInViewport();

  // A phone, on a written question, with one minute left.
  await e2eQuery(`update "Interview" set "deadlineAt" = now() + interval '55 seconds' where id = $1`, [id]);
  const phone = await otherDevice(browser, baseURL, email);
  await phone.page.goto(`/interviews/${id}`);
  await questionButton(phone.page, coding!.position === 0 ? 2 : 1).click();
  const answer = editorOf(phone.page, coding!.position === 0 ? 2 : 1);
  await answer.click();
  for (let line = 0; line < 30; line++) await phone.page.keyboard.insertText(`Line ${line} of a long answer.\n`);
  expect(await phone.page.evaluate(() => window.scrollY)).toBeGreaterThan(200); // past the header and the clock's own place
  await expect(phone.page.getByRole("timer")).toBeInViewport();
  await expect(phone.page.getByTestId("clock-announcement")).toHaveText("1 minute left.");
  await expect(phone.page.getByTestId("clock-announcement")).toBeInViewport();
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await phone.context.close();
});

test("a prompt shows its inline code as code, as the question page does", async ({ page }) => {
  await signedIn(page);
  const [question] = await e2eQuery<{ slug: string }>(
    `select slug from "Question" where "archivedAt" is null and kind = 'WRITTEN' and prompt ~ '^[^\`]*\`[^\`]+\`'
       and prompt not like '%\`\`\`%' and trim(prompt) <> trim(title) order by slug limit 1`,
  );
  const set = await page.request.post("/api/sets", { data: { name: "Inline code", questions: [question!.slug] } });
  expect(set.status()).toBe(201);
  const started = await page.request.post(`/api/sets/${(await set.json()).id}/interview`);
  expect(started.status()).toBe(201);
  await page.goto(`/interviews/${(await started.json()).id}`);
  const code = page.locator("[id^='prompt-'] code").first();
  await expect(code).toBeVisible();
  // Tailwind's prose puts literal backticks around inline code unless told not to; the question page tells it.
  const around = await code.evaluate((element) => [
    getComputedStyle(element, "::before").content,
    getComputedStyle(element, "::after").content,
  ]);
  expect(around.join(" ")).not.toContain("`");
  await page.goto(`/questions/${question!.slug}`);
  const onPage = await page
    .locator("#prompt code")
    .first()
    .evaluate((element) => getComputedStyle(element, "::before").content);
  expect(around[0]).toBe(onPage);
});

test("after a reload or on another device the room opens on the question the user was on", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signedIn(page);
  const id = await startInterview(page, "deloitte", "Practice");
  const title3 = (await (await page.request.get(`/api/interviews/${id}`)).json()).questions[2].title as string;
  const stored = page.waitForResponse((r) => r.url().endsWith(`/api/interviews/${id}/current`) && r.ok());
  await questionButton(page, 3).click();
  await stored;
  await page.reload();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(title3);
  await expect(questionButton(page, 3)).toHaveAttribute("aria-current", "step");

  const phone = await otherDevice(browser, baseURL, email);
  await phone.page.goto(`/interviews/${id}`);
  await expect(phone.page.getByRole("heading", { level: 2 })).toHaveText(title3);
  await phone.context.close();

  // Authorized like the other interview routes: someone else's interview is not found; input is validated.
  const questionId = (await (await page.request.get(`/api/interviews/${id}`)).json()).questions[1].id;
  expect((await page.request.put(`/api/interviews/${id}/current`, { data: { questionId: "x" } })).status()).toBe(400);
  const stranger = await browser.newContext({ baseURL });
  const strangerPage = await stranger.newPage();
  await signedIn(strangerPage);
  expect((await strangerPage.request.put(`/api/interviews/${id}/current`, { data: { questionId } })).status()).toBe(
    404,
  );
  await stranger.close();
});

test("keyboard: Alt+J/K focus the new editor, focus and current look different, disabled looks disabled, skip link", async ({
  page,
}) => {
  test.slow(); // two accessibility checks and a review
  await signedIn(page);
  await startInterview(page, "deloitte", "Practice");

  // The skip link is the first Tab stop and lands in the editor.
  await page.reload();
  const skip = page.getByRole("link", { name: "Skip to your answer" });
  await expect(skip).toBeAttached();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editorOf(page, 1)).toBeFocused();
  await page.keyboard.type("First answer.");

  await page.keyboard.press("Alt+J");
  await expect(editorOf(page, 2)).toBeFocused();
  await page.keyboard.press("Alt+K");
  await expect(editorOf(page, 1)).toBeFocused();
  await expect(editorOf(page, 1)).toContainText("First answer.");

  // The current question (1) is marked by its fill; the keyboard focus (on 2) by a ring: they never look alike.
  await questionButton(page, 1).focus();
  await page.keyboard.press("Tab");
  await expect(questionButton(page, 2)).toBeFocused();
  const look = (n: number) =>
    questionButton(page, n).evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, outline: style.outlineStyle, shadow: style.boxShadow };
    });
  const current = await look(1);
  const focused = await look(2);
  expect(focused.outline).toBe("solid");
  expect(current.outline).toBe("none");
  expect(current.background).not.toBe(focused.background);
  expect(current.shadow).toBe("none"); // no ring that could pass for focus

  // On the first question Previous is disabled and looks it; Next does not.
  const opacity = (name: string) =>
    page.getByRole("button", { name, exact: true }).evaluate((element) => Number(getComputedStyle(element).opacity));
  await expect(page.getByRole("button", { name: "Previous", exact: true })).toBeDisabled();
  expect(await opacity("Previous")).toBeLessThanOrEqual(0.6);
  expect(await opacity("Next")).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await switchColorScheme(page, "dark");
  expect(await axeViolations(page)).toEqual([]);
  await switchColorScheme(page, "light");

  // Finishing moves the focus to the review's heading.
  await page.getByRole("button", { name: "Finish interview" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Yes, finish" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/review$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
});

test("the Alt+J and Alt+R hints are shown with a mouse and not on a touch device", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = await signedIn(page);
  const id = await startInterview(page, "deloitte", "Practice");
  await expect(page.getByTestId("shortcut-hint")).toBeVisible();
  await expect(page.getByTestId("record-shortcut-hint")).toBeVisible();
  const phone = await otherDevice(browser, baseURL, email);
  await phone.page.goto(`/interviews/${id}`);
  await expect(phone.page.getByRole("heading", { level: 2 })).toBeVisible();
  await expect(phone.page.getByTestId("shortcut-hint")).toBeHidden();
  await expect(phone.page.getByRole("button", { name: "Record answer" })).toBeVisible();
  await expect(phone.page.getByTestId("record-shortcut-hint")).toBeHidden();
  await expect(phone.page.getByText("up to 5 minutes")).toBeVisible();
  await phone.context.close();
});

test("finishing offline says so, keeps the answers, shows the deadline rules and finishes when back online", async ({
  page,
  context,
}) => {
  test.slow();
  await signedIn(page);
  await startInterview(page, "mckinsey");
  await editorOf(page, 1).click();
  await page.keyboard.type("Written online.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await context.setOffline(true);
  await page.keyboard.type(" Written offline.");
  await page.getByRole("button", { name: "Finish interview" }).click();
  await page.getByRole("button", { name: "Yes, finish" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "offline" });
  await expect(alert).toContainText("This device is offline, so the interview has not finished yet.");
  await expect(alert).toContainText("The clock keeps running.");
  await expect(alert).toContainText("kept in the review as not submitted");
  await expect(alert.getByRole("button", { name: "Try to finish again" })).toBeVisible();
  await expect(editorOf(page, 1)).toContainText("Written online. Written offline.");
  expect(page.url()).not.toMatch(/\/review$/);
  expect(await axeViolations(page)).toEqual([]);

  await context.setOffline(false);
  await page.waitForURL(/\/review$/, { timeout: 20_000 });
  await expect(
    page.getByRole("main").getByRole("listitem").first().getByRole("region", { name: "Your answer" }),
  ).toContainText("Written online. Written offline.");
});

test("leaving a running strict interview asks first (header, Back, closing the tab); a reload does not", async ({
  page,
}) => {
  test.slow();
  await signedIn(page);
  const id = await startInterview(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await editorOf(page, 1).click();
  await page.keyboard.type("Started.");

  const leave = page.getByRole("dialog", { name: "Leave this interview?" });
  const header = page.getByRole("navigation", { name: "Main" });
  await header.getByRole("link", { name: "Questions" }).click();
  await expect(leave).toBeVisible();
  await expect(leave).toContainText("the clock keeps running");
  await expect(leave.getByRole("button", { name: "Stay in the interview" })).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(leave).toBeHidden();
  expect(page.url()).toMatch(new RegExp(`/interviews/${id}$`));

  // Back (to the start page, within the app) asks too.
  await page.goBack({ timeout: 3_000 }).catch(() => undefined);
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Stay in the interview" }).click();
  expect(page.url()).toMatch(new RegExp(`/interviews/${id}$`));

  // A reload from the keyboard does not ask. (Headless Chromium does not act on F5 itself: the test presses it,
  // as the user would, and then reloads, as the browser would.)
  await editorOf(page, 1).click();
  await page.keyboard.press("F5");
  await page.reload();
  await expect(editorOf(page, 1)).toContainText("Started.");
  expect(dialogs).toEqual([]);

  await editorOf(page, 1).click();
  await page.keyboard.type(" More.");
  await header.getByRole("link", { name: "Questions" }).click();
  await leave.getByRole("button", { name: "Leave the room" }).click();
  await page.waitForURL(/\/questions$/);
  expect(dialogs).toEqual([]);

  // Closing the tab gets the browser's own confirmation.
  await page.goto(`/interviews/${id}`);
  await editorOf(page, 1).click();
  await page.keyboard.type(" Last.");
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(["beforeunload"]);
});

test("a practice interview is left without being asked", async ({ page }) => {
  await signedIn(page);
  await startInterview(page, "deloitte", "Practice");
  await editorOf(page, 1).click();
  await page.keyboard.type("No clock here.");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions" }).click();
  await page.waitForURL(/\/questions$/);
});
