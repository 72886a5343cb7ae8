import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { axeViolations, newEmail, registerViaApi, signInViaApi } from "./helpers";

const PHONE = { width: 390, height: 844 };

async function signedIn(page: Page) {
  const email = newEmail("header");
  await registerViaApi(page.request, email, "Ada");
  await signInViaApi(page.request, email);
  return email;
}

async function startInterview(page: Page, company: string, mode: "strict" | "practice") {
  const response = await page.request.post("/api/interviews", { data: { company, mode } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const marker = (page: Page) => page.getByRole("banner").getByTestId("running-interview");

test("a running interview is marked in the header on every page but its room, with the time left and Resume", async ({
  page,
}) => {
  test.slow(); // it opens the room, whose editor takes a while to load on a shared machine
  await signedIn(page);
  await page.goto("/questions");
  await expect(marker(page)).toHaveCount(0);
  const id = await startInterview(page, "deloitte", "strict");

  await page.goto("/questions");
  await expect(marker(page)).toContainText(/Deloitte\s*· 4[45] min left/);
  await page.getByRole("banner").getByRole("link", { name: "Resume the Deloitte interview" }).click();
  await expect(page).toHaveURL(new RegExp(`/interviews/${id}$`));
  await expect(page.getByRole("timer")).toBeVisible();
  await expect(marker(page)).toHaveCount(0); // the room has its own clock

  // The header stays across client navigations: it learns that an interview ended without a reload. Leaving a
  // strict interview's room through the header asks first (room.spec.ts).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Companies" }).click();
  await page.getByRole("button", { name: "Leave the room" }).click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(marker(page)).toContainText(/4[45] min left/);
  expect((await page.request.post(`/api/interviews/${id}/finish`)).status()).toBe(200);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions" }).click();
  await expect(page).toHaveURL(/\/questions$/);
  await expect(marker(page)).toHaveCount(0);
});

test("the header's marker counts down, then offers the results once the time is up", async ({ page }) => {
  await signedIn(page);
  const id = await startInterview(page, "deloitte", "strict");
  await e2eQuery(`update "Interview" set "deadlineAt" = now() + interval '6 seconds' where id = $1`, [id]);
  await page.goto("/notes");
  await expect(marker(page)).toContainText(/[1-6] s left/);
  const results = page.getByRole("banner").getByRole("link", { name: "See results of the Deloitte interview" });
  await expect(results).toBeVisible({ timeout: 10_000 });
  await expect(marker(page)).toContainText("Time is up");
  await results.click();
  await expect(page).toHaveURL(new RegExp(`/interviews/${id}/review$`));
});

test("the dashboard leads with the interviews in progress, each with its time left and Resume", async ({ page }) => {
  await signedIn(page);
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: /in progress/ })).toHaveCount(0);
  const strict = await startInterview(page, "jpmorgan", "strict");
  const practice = await startInterview(page, "mckinsey", "practice");

  await page.goto("/dashboard");
  const banner = page.getByRole("region", { name: "You have 2 interviews in progress" });
  await expect(banner).toBeVisible();
  const items = banner.getByRole("listitem");
  await expect(items.filter({ hasText: "JPMorgan" })).toContainText(
    /Strict · (1 h 00|\d\d) min left \(the clock keeps running\)/,
  );
  await expect(items.filter({ hasText: "McKinsey" })).toContainText("Practice · No time limit");
  await expect(banner.getByRole("link", { name: "Resume the JPMorgan Chase interview" })).toHaveAttribute(
    "href",
    `/interviews/${strict}`,
  );
  await banner.getByRole("link", { name: "Resume the McKinsey & Company interview" }).click();
  await expect(page).toHaveURL(new RegExp(`/interviews/${practice}$`));
});

test("the interview history shows a running interview's time left and Resume instead of dashes", async ({ page }) => {
  await signedIn(page);
  const finished = await startInterview(page, "mckinsey", "practice");
  expect((await page.request.post(`/api/interviews/${finished}/finish`)).status()).toBe(200);
  const running = await startInterview(page, "deloitte", "strict");

  await page.goto("/interviews");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Deloitte", exact: true }) });
  await expect(row.getByTestId("time-left")).toHaveText(/^4[45] min left · Resume/);
  await expect(row).not.toContainText("—");
  await expect(row.getByRole("link", { name: "Resume the Deloitte interview" })).toHaveAttribute(
    "href",
    `/interviews/${running}`,
  );
  // A finished one keeps its duration and score.
  const done = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "McKinsey & Company", exact: true }) });
  await expect(done).toContainText(/0 of \d+ answered/);
});

test("on a phone the header folds into a menu that the keyboard opens, walks and closes with Escape", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto("/companies");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = nav.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Questions" })).toBeHidden();
  // What stays beside the menu fits on one line.
  for (const name of ["Sign in", "Sign up"])
    expect((await page.getByRole("banner").getByRole("link", { name }).boundingBox())!.height).toBeLessThan(40);

  // Keyboard only: skip link, logo, then the menu button.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const links = ["Questions", "Companies", "Interviews", "Review", "Notes", "Sets", "Dashboard"];
  for (const name of links) {
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name })).toBeFocused();
  }
  await expect(nav.getByRole("link", { name: "Companies" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Questions" })).toBeHidden();

  // Opened again, a link navigates and the menu closes; a tap outside closes it too.
  await menu.click();
  await nav.getByRole("link", { name: "Questions" }).click();
  await expect(page).toHaveURL(/\/questions$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(nav.getByRole("link", { name: "Notes" })).toBeVisible();
  await page.mouse.click(200, 800); // below the open menu
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("on a desktop the main links stay in a row and there is no menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
  for (const name of ["Questions", "Companies", "Interviews", "Review", "Notes", "Sets", "Dashboard"])
    await expect(nav.getByRole("link", { name })).toBeVisible();
});

test("on a phone the open menu and the running-interview marker fit the screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signedIn(page);
  await startInterview(page, "deloitte", "strict");
  await page.goto("/questions");
  await expect(marker(page)).toContainText(/Deloitte\s*· 4[45] min left/);
  await expect(marker(page).getByRole("link", { name: "Resume the Deloitte interview" })).toBeInViewport();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the header, its phone menu, the dashboard banner and the history have no serious accessibility violations (${scheme})`, async ({
    page,
  }) => {
    test.slow(); // three axe runs on a shared machine
    await page.emulateMedia({ colorScheme: scheme });
    await signedIn(page);
    await startInterview(page, "deloitte", "strict");
    for (const path of ["/dashboard", "/interviews"]) {
      await page.goto(path);
      await expect(marker(page)).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.setViewportSize(PHONE);
    await page.goto("/dashboard");
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notes" })).toBeVisible();
    expect(await axeViolations(page), "phone menu").toEqual([]);
  });
}
