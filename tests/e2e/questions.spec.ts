import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

test("a visitor searches the bank, the results follow the URL, and the best match comes first", async ({ page }) => {
  await page.goto("/questions");
  const results = page.getByRole("list", { name: "Questions" }).getByRole("listitem");
  await expect(results).toHaveCount(20);
  await expect(page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search questions" }).fill("prefetch");
  await expect(page).toHaveURL(/\/questions\?q=prefetch$/);
  // Questions about prefetch_related (and its Prefetch objects) come first: the word is in their titles.
  for (const i of [0, 1]) await expect(results.nth(i).getByRole("heading")).toContainText(/prefetch/i);
  await expect(
    results.filter({ hasText: /select_related.*prefetch_related|prefetch_related.*select_related/i }).first(),
  ).toBeVisible();
  const firstNonTitleMatch = await results.evaluateAll((items) =>
    items.findIndex((li) => !/prefetch/i.test(li.querySelector("h2")?.textContent ?? "")),
  );
  const titleMatches = await results.evaluateAll(
    (items) => items.filter((li) => /prefetch/i.test(li.querySelector("h2")?.textContent ?? "")).length,
  );
  expect(firstNonTitleMatch === -1 || firstNonTitleMatch >= titleMatches).toBe(true);
  await expect(results.first().locator("mark").first()).toBeVisible();

  await page.getByLabel("Difficulty").selectOption("hard");
  await expect(page).toHaveURL(/difficulty=hard/);
  await page.goBack();
  await expect(page).toHaveURL(/\/questions\?q=prefetch$/);
});

test("a question page hides the model answer until it is revealed", async ({ page }) => {
  await page.goto("/questions?q=csrf");
  await page.getByRole("list", { name: "Questions" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/questions\/[a-z0-9-]+$/);
  const answer = page.locator("#answer");
  await expect(answer).toBeHidden();
  await page.getByText("Show the model answer").click();
  await expect(answer).toBeVisible();
  await expect(page.getByRole("heading", { name: "Key points a good answer covers" })).toBeVisible();
  expect(await page.locator("main").innerText()).not.toMatch(/â€|Ã|ðŸ/);
});

test("paging with the cursor reaches every question once", async ({ request }) => {
  const slugs: string[] = [];
  let cursor: string | null = null;
  do {
    const body = await (await request.get(`/api/questions?limit=100${cursor ? `&cursor=${cursor}` : ""}`)).json();
    slugs.push(...body.items.map((i: { slug: string }) => i.slug));
    cursor = body.nextCursor;
  } while (cursor);
  const topics = (await (await request.get("/api/topics")).json()).items as { questionCount: number }[];
  expect(slugs.length).toBe(topics.reduce((sum, t) => sum + t.questionCount, 0));
  expect(slugs.length).toBeGreaterThan(100);
  expect(new Set(slugs).size).toBe(slugs.length);
});

test("company profiles show their format and lead to their questions", async ({ page }) => {
  await page.goto("/companies");
  await expect(page.getByText("None of them is a company's official process.")).toBeVisible();
  await page.getByRole("link", { name: "JPMorgan Chase" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "JPMorgan Chase" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Topics it weighs" })).toBeVisible();
  await page.getByRole("link", { name: "Browse the questions this format asks" }).click();
  await expect(page).toHaveURL(/\/questions\?company=jpmorgan$/);
  await expect(page.getByLabel("Company")).toHaveValue("jpmorgan");
});

test("a merged question's old addresses answer 301 to the kept question, page and API", async ({ page, request }) => {
  const oldPage = await request.get("/questions/custom-managers-and-querysets", { maxRedirects: 0 });
  expect(oldPage.status()).toBe(301);
  expect(new URL(oldPage.headers().location!, "http://x").pathname).toBe("/questions/model-managers");
  const oldApi = await request.get("/api/questions/custom-managers-and-querysets", { maxRedirects: 0 });
  expect(oldApi.status()).toBe(301);
  expect(oldApi.headers().location).toBe("/api/questions/model-managers");
  await page.goto("/questions/custom-managers-and-querysets");
  await expect(page).toHaveURL(/\/questions\/model-managers$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("model managers");
});

test("unknown questions and companies answer 404", async ({ page }) => {
  expect((await page.goto("/questions/no-such-question"))!.status()).toBe(404);
  expect((await page.goto("/companies/no-such-company"))!.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

for (const path of ["/questions", "/questions?q=orm", "/companies", "/companies/deloitte"]) {
  test(`${path} has no detectable accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectAccessible(page, { all: true });
  });
}

test("a question page with code passes accessibility checks in dark mode too", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/questions?q=select_related");
  await page.getByRole("list", { name: "Questions" }).getByRole("link").first().click();
  await page.getByText("Show the model answer").click();
  await expectAccessible(page, { all: true });
});
