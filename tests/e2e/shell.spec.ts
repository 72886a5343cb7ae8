import { expect, test } from "@playwright/test";
import { expectAccessible, firstQuestion, newEmail, registerViaApi, signInViaApi } from "./helpers";

test("the landing page says what Mockroom is and leads to sign-up", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Practise the interview before it happens.");
  await expect(page.getByText(/Mockroom is a practice room for technical concept interviews/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Create a free account" })).toHaveAttribute("href", "/sign-up");
  for (const name of ["Questions", "Interviews", "Notes", "Dashboard"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name })).toBeVisible();
  }
});

const AXE_PAGES = [
  ...["/", "/sign-in", "/sign-up", "/interviews", "/notes", "/forgot-password", "/reset-password", "/status"].map(
    (path) => ({ path, scheme: "light" as const }),
  ),
  ...["/forgot-password", "/reset-password", "/status"].map((path) => ({ path, scheme: "dark" as const })),
];
for (const { path, scheme } of AXE_PAGES) {
  test(`${path} has no detectable accessibility violations${scheme === "dark" ? " (dark)" : ""}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(path);
    await expectAccessible(page, { all: true });
  });
}

test("the status page says which version serves pages and where the database's state is", async ({ page, request }) => {
  const { version } = (await (await request.get("/api/health")).json()) as { version: string };
  await page.goto("/status");
  await expect(page.getByRole("heading", { name: "Status" })).toBeVisible();
  await expect(page.getByText(`Mockroom ${version} is serving pages.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/health" })).toHaveAttribute("href", "/api/health");
});

test("member areas ask a visitor to sign in, with a way back", async ({ page }) => {
  await page.goto("/interviews");
  await expect(page.getByRole("heading", { name: "Sign in to use this" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute(
    "href",
    "/sign-in?callbackUrl=%2Finterviews",
  );
});

test("the skip link is the first stop for the keyboard and moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
});

test("dark mode follows the system and can be toggled, and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: /Theme: system/ }).click(); // system -> light
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByRole("button", { name: /Theme: light/ }).click(); // light -> dark
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test("a theme chosen before (stored under mockroom-theme) applies before the page hydrates, without errors", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.addInitScript(() => localStorage.setItem("mockroom-theme", "dark"));
  // The HTML as parsed, before any of the app's scripts load: the inline theme script already ran.
  await page.route(/\/_next\/static\/.*\.js$/, (route) => route.abort());
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.unroute(/\/_next\/static\/.*\.js$/);
  errors.length = 0; // the aborted bundles
  await page.reload();
  await expect(page.getByRole("button", { name: "Theme: dark. Change theme" })).toBeVisible();
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(errors).toEqual([]);
});

test("the shell fits a 360 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
    // The links fold into the header's menu on a phone (header.spec.ts): one tap away.
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("button", { name: "Menu" }).click();
    await expect(nav.getByRole("link", { name: "Questions" })).toBeVisible();
  }
});

test("pages run with a nonce-based policy and no inline script is blocked", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const csp = response!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  await page.getByLabel("Email").fill("typing works@example.test"); // hydrated client code ran
  expect(violations).toEqual([]);
});

test("a page's nonce and return path are the server's, whatever the client sends under their names", async ({
  request,
}) => {
  const forged = {
    "x-nonce": "forgedforgedforged",
    "content-security-policy": "script-src 'nonce-forgedforgedforged'",
    "content-security-policy-report-only": "script-src 'nonce-forgedforgedforged'",
    "x-mockroom-path": "/elsewhere",
  };
  for (const path of ["/sign-in", "/status"]) {
    const response = await request.get(path, { headers: forged });
    expect(response.status(), path).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
    expect(nonce, path).not.toBe("forgedforgedforged");
    const inHtml = new Set([...(await response.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
    expect(inHtml, path).toEqual(new Set([nonce]));
  }
  // A page that needs an account sends the visitor to sign in and back to the page asked for, not the header's.
  const response = await request.get("/dashboard?tab=1", { headers: forged, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toBe(`/sign-in?callbackUrl=${encodeURIComponent("/dashboard?tab=1")}`);
});

test("anonymous visitors' public pages come from the page cache with a new nonce on every load, and run", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const question = await firstQuestion(page);
  for (const path of ["/", "/questions", `/questions/${question.slug}`]) {
    const seen = new Set<string>();
    const served: string[] = [];
    // A copy another test made may expire between two loads: that load renders (a miss) and fills the
    // cache again. Load until the last two came from the cache (at least three loads, at most five).
    const settled = () => served.length >= 3 && served.at(-1) === "hit" && served.at(-2) === "hit";
    for (let load = 0; load < 5 && !settled(); load++) {
      const response = (await page.goto(path))!;
      served.push(response.headers()["x-mockroom-page-cache"] ?? "none");
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
      const inHtml = new Set([...(await response.text()).matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
      expect(inHtml, path).toEqual(new Set([nonce]));
      expect(seen.has(nonce), `${path}: a nonce served twice`).toBe(false);
      seen.add(nonce);
    }
    expect(settled(), `${path}: ${served.join(", ")}`).toBe(true);
    expect(served.join(","), path).not.toContain("miss,miss");
    // The page's own scripts ran under the new nonce: the theme button answers.
    await page.getByRole("button", { name: "Theme: system. Change theme" }).click();
    await expect(page.getByRole("button", { name: "Theme: light. Change theme" })).toBeVisible();
    await page.getByRole("button", { name: "Theme: light. Change theme" }).click();
    await page.getByRole("button", { name: "Theme: dark. Change theme" }).click();
  }
  expect(violations).toEqual([]);
});

test("a signed-in visitor never gets the anonymous copy of a page", async ({ page }) => {
  const path = `/questions/${(await firstQuestion(page)).slug}`;
  // Anonymous: served from the cache by the second load at the latest (the third, if a copy expired between).
  const anonymous: string[] = [];
  for (let load = 0; load < 3 && anonymous.at(-1) !== "hit"; load++)
    anonymous.push((await page.goto(path))!.headers()["x-mockroom-page-cache"] ?? "none");
  expect(anonymous.at(-1), anonymous.join(", ")).toBe("hit");
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  const email = newEmail("page-cache");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const response = (await page.goto(path))!;
  expect(response.headers()["x-mockroom-page-cache"]).toBeUndefined();
  await expect(page.getByRole("heading", { name: "Your note" })).toBeVisible();
});
