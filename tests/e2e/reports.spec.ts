// Issue #24, reports from users: a user reports a mistake on a question page, an admin answers it from the
// queue, and the user reads the answer on the question page. Non-admins meet a 404 at /admin.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { expectAccessible, newEmail, registerViaApi, signInViaApi, userCommand } from "./helpers";

async function signedInPage(browser: Browser, name: string, admin = false): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = newEmail(admin ? "report-admin" : "reporter");
  await registerViaApi(page.request, email, name);
  if (admin) expect(userCommand(["grant-admin", email]).status).toBe(0);
  await signInViaApi(page.request, email);
  return page;
}

/** A written question no earlier run of this spec reported (each run's users are new, the questions are not). */
async function someQuestion(page: Page): Promise<{ slug: string; title: string }> {
  const list = (await (await page.request.get("/api/questions?kind=written&limit=50")).json()) as {
    items: { slug: string; title: string }[];
  };
  return list.items[Math.floor(Math.random() * list.items.length)]!;
}

test.describe("reports from users", () => {
  test.describe.configure({ timeout: 60_000 });

  test("a user reports a mistake, an admin resolves it with a reply, and the user reads it", async ({ browser }) => {
    const user = await signedInPage(browser, "Rita Reporter");
    const question = await someQuestion(user);
    await user.goto(`/questions/${question.slug}`);
    const section = user.getByRole("region", { name: "Something wrong with this question?" });
    await section.getByRole("button", { name: "Report a problem" }).click();
    const dialog = user.getByRole("dialog", { name: "Report a problem" });
    await expect(dialog).toBeVisible();
    // Sending without a reason or words says what is missing, and sends nothing.
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Choose what is wrong.");
    await dialog.getByRole("radio", { name: "The model answer is wrong" }).check();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("Say what is wrong, in a sentence or two.");
    await expectAccessible(user);
    await dialog.getByLabel("Details").fill("The answer calls select_related a second query; it is a JOIN.");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await expect(dialog).toBeHidden();
    await expect(section.getByRole("status")).toContainText("your report was sent");
    await expect(section).toContainText("You reported “the model answer is wrong”");
    await expect(section.getByRole("button", { name: /Report/ })).toHaveCount(0);
    // Still there after a reload: it is stored, not kept in the page.
    await user.reload();
    await expect(section).toContainText("An admin will reply here.");

    const admin = await signedInPage(browser, "Ada Admin", true);
    await admin.goto("/admin");
    await admin.getByRole("link", { name: "Reports from users" }).click();
    await expect(admin).toHaveURL(/\/admin\/reports$/);
    const item = admin.getByRole("listitem").filter({ hasText: "it is a JOIN" });
    await expect(item.getByRole("heading", { name: question.title })).toBeVisible();
    await expect(item).toContainText("from Rita Reporter");
    await expectAccessible(admin);
    // No reply, no closing: the reporter is owed words.
    await item.getByRole("button", { name: "Resolve" }).click();
    await expect(item.getByRole("alert")).toContainText("Write a reply");
    await item.getByLabel("Reply to the user").fill("Fixed: the answer now says select_related joins in one query.");
    await item.getByRole("button", { name: "Resolve" }).click();
    await expect(item.getByRole("status")).toContainText("resolved");
    await admin.goto("/admin/reports?status=closed");
    await expect(admin.getByRole("listitem").filter({ hasText: "it is a JOIN" })).toContainText(
      "Resolved by Ada Admin",
    );

    await user.reload();
    await expect(section).toContainText("was resolved");
    await expect(section.getByRole("blockquote")).toHaveText(
      "Fixed: the answer now says select_related joins in one query.",
    );
    await expect(section.getByRole("button", { name: "Report another problem" })).toBeVisible();
    await user.context().close();
    await admin.context().close();
  });

  test("a second admin's close of the same report says who was first instead of overwriting", async ({ browser }) => {
    const user = await signedInPage(browser, "Sam");
    const question = await someQuestion(user);
    const sent = await user.request.post(`/api/questions/${question.slug}/report`, {
      data: { reason: "typo", details: "Two admins will answer this one." },
    });
    expect(sent.status()).toBe(201);
    const first = await signedInPage(browser, "First Admin", true);
    const second = await signedInPage(browser, "Second Admin", true);
    await first.goto("/admin/reports");
    await second.goto("/admin/reports");
    const mine = (page: Page) => page.getByRole("listitem").filter({ hasText: "Two admins will answer this one." });
    await mine(first).getByLabel("Reply to the user").fill("Fixed the typo.");
    await mine(first).getByRole("button", { name: "Resolve" }).click();
    await expect(mine(first).getByRole("status")).toContainText("resolved");
    await mine(second).getByLabel("Reply to the user").fill("Not a typo.");
    await mine(second).getByRole("button", { name: "Dismiss" }).click();
    await expect(mine(second).getByRole("status")).toContainText("Another admin already closed this report");
    await expect(mine(second).getByRole("status")).toContainText("Fixed the typo.");
    const [row] = await e2eQuery<{ status: string; reply: string }>(
      `select status, reply from "Report" where details = $1`,
      ["Two admins will answer this one."],
    );
    expect(row).toEqual({ status: "RESOLVED", reply: "Fixed the typo." });
    for (const page of [user, first, second]) await page.context().close();
  });

  test("the admin area is a 404 for a signed-in user who is not an admin, and not in their menu", async ({
    browser,
  }) => {
    const user = await signedInPage(browser, "Not Admin");
    for (const path of ["/admin", "/admin/reports"]) {
      const response = await user.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await user.goto("/dashboard");
    await user.locator("summary", { hasText: "account menu" }).click();
    await expect(user.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await user.context().close();
  });

  test("an admin finds the admin area in the account menu; a stale page of the queue shows the first", async ({
    browser,
  }) => {
    const admin = await signedInPage(browser, "Menu Admin", true);
    await admin.goto("/dashboard");
    await admin.locator("summary", { hasText: "account menu" }).click();
    await admin.getByRole("link", { name: "Admin" }).click();
    await expect(admin.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
    // A cursor that names nothing shows the first page with a word, not an error.
    await admin.goto("/admin/reports?status=closed&cursor=not-a-cursor");
    await expect(admin.getByText("That page of the list no longer exists")).toBeVisible();
    await admin.context().close();
  });
});
