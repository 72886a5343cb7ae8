// Issue #22, study pages: the revision queue runs a sitting as Anki does, and the question list shows its
// filters, its pages and what the signed-in user did with each question.
import { expect, test, type Page } from "@playwright/test";
import { e2eQuery } from "./db";
import { expectAccessible, newEmail, registerViaApi, signInViaApi } from "./helpers";

async function signedIn(page: Page) {
  const email = newEmail("study");
  await registerViaApi(page.request, email, "Ada");
  await signInViaApi(page.request, email);
}

async function expectNoOverflow(page: Page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** The first `n` questions of the bank in the list's order (topic, then slug). */
async function firstQuestions(page: Page, n: number) {
  const list = (await (await page.request.get(`/api/questions?limit=${n}`)).json()) as {
    items: { slug: string; title: string }[];
  };
  return list.items;
}

async function queue(page: Page, slugs: string[]) {
  // One after the other: the queue shows cards by due date, and each is due when it is added.
  for (const slug of slugs) expect((await page.request.put(`/api/review/${slug}`)).status()).toBe(200);
}

const dueCount = (page: Page) => page.getByTestId("due-count");
const progress = (page: Page) => page.getByTestId("sitting-progress");
const cardTitle = (page: Page) => page.getByRole("main").getByRole("heading", { level: 2 }).first();

async function reveal(page: Page) {
  await expect(page.getByRole("button", { name: "Show the model answer" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("group", { name: "How well did you recall it?" })).toBeVisible();
}

test.describe("revision queue", () => {
  // Markdown renders in worker threads, slowly on a busy shared machine.
  test.describe.configure({ timeout: 60_000 });

  test("the due count and 'N of M left' go down as cards are rated, a reload continues, Again comes back after its minutes (keyboard only)", async ({
    page,
  }) => {
    await signedIn(page);
    const questions = await firstQuestions(page, 3);
    await queue(
      page,
      questions.map((q) => q.slug),
    );
    const [first, second, third] = questions.map((q) => q.title);
    await page.clock.install();
    await page.goto("/review");
    await expect(dueCount(page)).toHaveText("3 due now");
    await expect(progress(page)).toHaveText("3 of 3 left");
    await expect(cardTitle(page)).toHaveText(first!);

    // Good on a new card: its next step is 10 minutes away, so it waits instead of showing again.
    await reveal(page);
    await page.keyboard.press("3");
    await expect(dueCount(page)).toHaveText("2 due now · 1 back later today");
    await expect(progress(page)).toHaveText("2 of 3 left");
    await expect(cardTitle(page)).toHaveText(second!);
    await expect(page.getByRole("progressbar", { name: "Reviewed today" })).toHaveAttribute("aria-valuenow", "0");

    // A reload continues where the user was, not from the first card.
    await page.reload();
    await expect(dueCount(page)).toHaveText("2 due now · 1 back later today");
    await expect(progress(page)).toHaveText("2 of 3 left");
    await expect(cardTitle(page)).toHaveText(second!);

    await reveal(page);
    await page.keyboard.press("4"); // Easy: days away, done for today
    await expect(dueCount(page)).toHaveText("1 due now · 1 back later today");
    await expect(progress(page)).toHaveText("1 of 3 left");
    await expect(page.getByRole("progressbar", { name: "Reviewed today" })).toHaveAttribute("aria-valuenow", "1");
    await expect(cardTitle(page)).toHaveText(third!);

    await reveal(page);
    await page.keyboard.press("1"); // Again: a minute
    await expect(dueCount(page)).toHaveText("0 due now · 2 back later today");
    await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
    const back = page.getByRole("list", { name: "Coming back today" }).getByRole("listitem");
    await expect(back).toHaveText([`${third} — in 1 min`, `${first} — in 10 min`]);
    await expect(page.getByRole("list", { name: "Reviewed" })).toContainText(`${second} — back in`);

    // Not before its time; then it comes back by itself.
    await page.clock.fastForward("00:30");
    await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
    await page.clock.fastForward("00:40");
    await expect(cardTitle(page)).toHaveText(third!);
    await expect(dueCount(page)).toHaveText("1 due now · 1 back later today");
    await expect(progress(page)).toHaveText("1 of 3 left");
    await reveal(page);
    await page.keyboard.press("4");
    await expect(page.getByRole("heading", { name: "All done for now" })).toBeVisible();
    await page.clock.fastForward("10:00");
    await expect(cardTitle(page)).toHaveText(first!);
  });

  for (const scheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      test(`the rating bar is opaque over the model answer's code (${scheme}, ${width} px)`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
        await signedIn(page);
        const [withCode] = await e2eQuery<{ slug: string }>(
          `select slug from "Question" where "archivedAt" is null and "modelAnswer" like '%' || repeat(chr(96), 3) || '%'
           order by length("modelAnswer") desc, slug limit 1`,
        );
        await queue(page, [withCode!.slug]);
        await page.goto("/review");
        await page.getByRole("button", { name: "Show the model answer" }).click();
        const bar = page.getByTestId("rating-bar");
        await expect(bar).toBeVisible();

        // Put a code block right under the bar, then ask what is painted at the bar's top. (On a machine too busy to
        // render markdown in time the answer is shown as plain text: then that text goes under the bar.)
        const answer = page.getByRole("region", { name: "Model answer" });
        const code = (await answer.locator("pre").count()) ? answer.locator("pre").first() : answer;
        await code.evaluate((element) => {
          const barTop = document.querySelector("[data-testid=rating-bar]")!.getBoundingClientRect().top;
          window.scrollBy(0, element.getBoundingClientRect().top - barTop + 4);
        });
        const under = await code.boundingBox();
        const seen = await bar.evaluate((element, content) => {
          const box = element.getBoundingClientRect();
          const y = box.top + Math.min(8, box.height / 2);
          return {
            sticky: getComputedStyle(element).position,
            background: getComputedStyle(element).backgroundColor,
            codeUnderneath: content.y <= y && content.y + content.height >= y,
            onTop: element.contains(document.elementFromPoint(box.left + box.width / 2, y)),
          };
        }, under!);
        expect(seen.sticky).toBe("sticky");
        expect(seen.codeUnderneath).toBe(true);
        expect(seen.onTop).toBe(true);
        expect(alpha(seen.background)).toBe(1);
        for (const name of ["Again", "Hard", "Good", "Easy"])
          await expect(bar.getByRole("button", { name: new RegExp(`^${name}`) })).toBeInViewport();
        await expectNoOverflow(page);
        await expectAccessible(page);
      });
    }
  }
});

/** The alpha of a computed CSS colour: rgb(), rgba(), or a colour function with "/ a". */
function alpha(color: string): number {
  const slash = /\/\s*([\d.]+%?)\s*\)$/.exec(color);
  if (slash) return slash[1]!.endsWith("%") ? parseFloat(slash[1]!) / 100 : parseFloat(slash[1]!);
  const rgba = /^rgba\(.*,\s*([\d.]+)\s*\)$/.exec(color);
  return rgba ? parseFloat(rgba[1]!) : 1;
}

test.describe("question list", () => {
  // axe over a page of twenty rows takes a while on a busy shared machine.
  test.describe.configure({ timeout: 60_000 });

  for (const scheme of ["light", "dark"] as const) {
    test(`an empty result keeps its filters in view: chips, Clear all, and selects that read them (${scheme}, keyboard)`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/questions?q=middlware&topic=behavioral&difficulty=easy");
      await expect(page.getByRole("heading", { name: "No questions match" })).toBeVisible();
      // The selects say which filter is in force, not "All topics".
      await expect(page.getByLabel("Topic", { exact: true })).toHaveValue("behavioral");
      await expect(page.getByLabel("Topic", { exact: true }).locator("option:checked")).toHaveText(/^Behavioral/);
      await expect(page.getByLabel("Difficulty", { exact: true })).toHaveValue("easy");
      const chips = page.getByRole("group", { name: "Active filters" });
      await expect(chips.getByRole("link", { name: /^Remove Topic: Behavioral/ })).toBeVisible();
      await expect(chips.getByRole("link", { name: /^Remove Difficulty: Easy/ })).toBeVisible();
      await expect(page.getByTestId("page-range")).toHaveCount(0);
      await expectAccessible(page);

      await chips.getByRole("link", { name: "Clear all" }).focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/questions$/);
      await expect(page.getByLabel("Topic", { exact: true })).toHaveValue("");
      await expect(page.getByRole("group", { name: "Active filters" })).toHaveCount(0);
    });
  }

  test("pages show the total, the range, and Previous and Next (desktop, keyboard)", async ({ page }) => {
    const [{ n: total }] = (await e2eQuery<{ n: number }>(
      `select count(*)::int as n from "Question" where "archivedAt" is null`,
    )) as [{ n: number }];
    expect(total).toBeGreaterThan(40);
    const count = total.toLocaleString("en");
    const rows = page.getByRole("list", { name: "Questions" }).getByRole("listitem");
    const nav = page.getByRole("navigation", { name: "Pages" });

    await page.goto("/questions");
    await expect(page.getByTestId("page-range")).toHaveText(`1–20 of ${count} questions`);
    await expect(nav.getByRole("link", { name: "Previous" })).toHaveCount(0);
    const firstPage = await rows.first().getByRole("heading").textContent();

    await nav.getByRole("link", { name: "Next" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("page-range")).toHaveText(`21–40 of ${count} questions`);
    const secondPage = await rows.first().getByRole("heading").textContent();
    expect(secondPage).not.toBe(firstPage);
    await nav.getByRole("link", { name: "Next" }).click();
    await expect(page.getByTestId("page-range")).toHaveText(`41–${Math.min(60, total)} of ${count} questions`);

    await nav.getByRole("link", { name: "Previous" }).click();
    await expect(page.getByTestId("page-range")).toHaveText(`21–40 of ${count} questions`);
    await expect(rows.first().getByRole("heading")).toHaveText(secondPage!);
    await nav.getByRole("link", { name: "Previous" }).click();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(page.getByTestId("page-range")).toHaveText(`1–20 of ${count} questions`);
    await expect(rows.first().getByRole("heading")).toHaveText(firstPage!);
  });

  test("a filtered search pages too, and the bar fits a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/questions?q=orm&limit=5");
    const range = page.getByTestId("page-range");
    await expect(range).toHaveText(/^1–5 of \d+\+? questions$/);
    const total = (await range.textContent())!.replace(/^1–5 of /, "");
    await expectNoOverflow(page);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
    await expect(range).toHaveText(`6–10 of ${total}`);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
    await expect(range).toHaveText(`11–15 of ${total}`);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Previous" }).click();
    await expect(range).toHaveText(`6–10 of ${total}`);
    await expect(page).toHaveURL(/limit=5/);
  });

  test("rows mark what the signed-in user practised, bookmarked or has a note on; visitors and their cached page see none", async ({
    page,
    browser,
  }) => {
    await signedIn(page);
    const [bookmarked, noted, practised, untouched] = await firstQuestions(page, 4);
    expect((await page.request.put(`/api/questions/${bookmarked!.slug}/bookmark`)).status()).toBeLessThan(300);
    expect(
      (
        await page.request.put(`/api/questions/${noted!.slug}/note`, {
          data: { content: "Remember the trade-off", revision: 0 },
        })
      ).status(),
    ).toBeLessThan(300);
    expect(
      (
        await page.request.put(`/api/questions/${practised!.slug}/practice/rating`, { data: { rating: "good" } })
      ).status(),
    ).toBeLessThan(300);

    await page.goto("/questions");
    const row = (title: string) =>
      page
        .getByRole("list", { name: "Questions" })
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: title, exact: true }) });
    const marks = (title: string) => row(title).getByRole("list", { name: "Your activity" });
    await expect(marks(bookmarked!.title)).toHaveText("★Bookmarked");
    await expect(marks(noted!.title)).toHaveText("✎Note");
    await expect(marks(practised!.title)).toHaveText("✓Practised");
    await expect(marks(untouched!.title)).toHaveCount(0);
    await expectAccessible(page);

    // A visitor: no marks, and the page cache still serves the visitors' copy, which holds none either.
    const visitor = await browser.newContext();
    const anonymous = await visitor.newPage();
    await anonymous.goto("/questions");
    await expect(anonymous.getByRole("heading", { name: bookmarked!.title, exact: true })).toBeVisible();
    await expect(anonymous.getByRole("list", { name: "Your activity" })).toHaveCount(0);
    // A copy may expire between two loads (that load fills the cache again): at most three.
    let cached = await anonymous.request.get("/questions");
    for (let load = 1; load < 3 && cached.headers()["x-mockroom-page-cache"] !== "hit"; load++)
      cached = await anonymous.request.get("/questions");
    expect(cached.headers()["x-mockroom-page-cache"]).toBe("hit");
    const html = await cached.text();
    expect(html).not.toContain("Your activity");
    expect(html).not.toContain("Bookmarked");
    await visitor.close();

    // The signed-in user's page is never the cached one.
    const own = await page.request.get("/questions");
    expect(own.headers()["x-mockroom-page-cache"]).toBeUndefined();
    expect(await own.text()).toContain("Your activity");
  });
});
