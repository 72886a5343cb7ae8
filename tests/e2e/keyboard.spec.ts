// A whole mock interview with the keyboard alone: Tab to move, Enter and Space to act, typing to answer.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { newEmail, registerViaApi, signInViaApi } from "./helpers";

/** Presses Tab (as a keyboard user would) until `target` has focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (
      await target
        .evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
        .catch(() => false)
    )
      return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("start, answer, finish and rate an interview using only the keyboard", async ({ page }) => {
  const email = newEmail("keyboard");
  await registerViaApi(page.request, email, "Kay");
  await signInViaApi(page.request, email);
  await page.goto("/interviews/new?company=deloitte");

  await tabTo(page, page.getByRole("button", { name: "Start interview" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);

  const editor = page.getByRole("textbox", { name: /Your answer to question/ });
  await tabTo(page, editor);
  await page.keyboard.type("Typed without a mouse: middleware wraps every request and response.");
  await expect(page.getByTestId("save-status")).toHaveText("Saved", { timeout: 5_000 });

  await tabTo(page, page.getByRole("button", { name: "Finish interview" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Yes, finish" }), 20);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/review$/);

  const first = page.getByRole("main").getByRole("listitem").first();
  await expect(first.getByRole("region", { name: "Your answer" })).toContainText("Typed without a mouse");
  const good = first.getByRole("button", { name: "Good" });
  await tabTo(page, good, 120);
  await page.keyboard.press("Space");
  await expect(good).toHaveAttribute("aria-pressed", "true");
});
