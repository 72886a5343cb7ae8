import { expect, test } from "@playwright/test";
import { expectAccessible } from "./helpers";

for (const scheme of ["light", "dark"] as const) {
  test(`an empty search says what was searched, shows the filters as chips and offers the correction (${scheme}, phone width)`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 390, height: 844 });
    // A typo, narrowed to a topic and difficulty no middleware question has (easy behavioural ones): nothing matches.
    await page.goto("/questions?q=middlware&topic=behavioral&difficulty=easy");
    await expect(page.getByRole("heading", { name: "No questions match" })).toBeVisible();
    await expect(page.getByText("Nothing in the bank matches “middlware”")).toBeVisible();
    const chips = page.getByRole("group", { name: "Active filters" });
    await expect(chips.getByRole("link", { name: /^Remove Search: “middlware”/ })).toBeVisible();
    await expect(chips.getByRole("link", { name: /^Remove Difficulty:/ })).toBeVisible();
    await expect(chips.getByRole("link", { name: "Clear all" })).toBeVisible();
    await expectAccessible(page);

    // Keyboard: the correction is a link; following it keeps the filters but searches "middleware".
    const suggestion = page.getByRole("main").getByRole("link", { name: "middleware", exact: true });
    await suggestion.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=middleware/);
    await expect(page).toHaveURL(/difficulty=easy/);

    // Removing the topic chip leaves the rest; results for the corrected word show "Did you mean".
    await page.goto("/questions?q=middlware&difficulty=easy&topic=behavioral");
    await chips.getByRole("link", { name: /^Remove Topic:/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/questions\?q=middlware&difficulty=easy$/);
    await expect(page.getByRole("status").filter({ hasText: "Did you mean" })).toContainText("middleware");
    const results = page.getByRole("list", { name: "Questions" }).getByRole("listitem");
    await expect(results.first().getByRole("heading")).toContainText(/middleware/i);
    await expect(results.first().locator("mark").first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(page.getByRole("group", { name: "Active filters" })).toHaveCount(0);
  });
}

test("a search no question fully matches says its results are partial", async ({ page }) => {
  await page.goto("/questions?q=middleware%20qwzxv");
  await expect(page.getByText(/Partial matches: no question holds all of/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Questions" }).getByText("Partial match").first()).toBeVisible();
  await expectAccessible(page);
});
