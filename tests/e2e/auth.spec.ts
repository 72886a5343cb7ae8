import { expect, test } from "@playwright/test";
import { newEmail, PASSWORD, registerViaApi, signInViaApi, signInViaUi } from "./helpers";

test("a visitor signs up, lands on the dashboard, signs out and signs back in", async ({ page }) => {
  const email = newEmail("signup");
  await page.goto("/");
  await page.getByRole("link", { name: "Create a free account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.getByLabel("Name (optional)").fill("Grace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Grace" })).toBeVisible();
  await expect(page.getByRole("main").getByText(`Signed in as ${email}`)).toBeVisible();

  await page.locator("summary", { hasText: "account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();

  await page.goto("/sign-in");
  await signInViaUi(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Grace" })).toBeVisible();
});

test("sign-up shows the server's field messages and keeps what was typed", async ({ page, request }) => {
  const taken = newEmail("taken");
  await registerViaApi(request, taken);
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(taken);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(taken);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
});

test("a protected page sends a visitor to sign in and back again", async ({ page, request }) => {
  const email = newEmail("return");
  await registerViaApi(request, email, "Lin");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);

  await signInViaUi(page, email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");

  await signInViaUi(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Lin" })).toBeVisible();
});

test("an account registered through the API signs in through next-auth's credentials path", async ({ request }) => {
  const email = newEmail("api");
  const created = await registerViaApi(request, email);
  const response = await signInViaApi(request, email);
  expect(response.status()).toBe(302);
  const cookie = response.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/next-auth\.session-token=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.user).toMatchObject({ email, id: created.id });
});

test("eleven wrong passwords in a row: ten failures, then 429 with Retry-After, whether or not the email exists", async ({ playwright, baseURL }) => {
  const known = newEmail("brute");
  const setup = await playwright.request.newContext({ baseURL });
  await registerViaApi(setup, known);
  for (const email of [known, newEmail("ghost")]) {
    const context = await playwright.request.newContext({ baseURL });
    const statuses: number[] = [];
    const locations: string[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await signInViaApi(context, email, `wrong password ${i}`);
      statuses.push(response.status());
      locations.push(response.headers()["location"] ?? "");
      if (response.status() === 429) {
        expect(Number(response.headers()["retry-after"])).toBeGreaterThan(800);
        expect((await response.json()).error.code).toBe("RATE_LIMITED");
      }
    }
    expect(statuses).toEqual([...Array(10).fill(302), 429]);
    expect(new Set(locations.slice(0, 10)).size).toBe(1);
    expect(locations[0]).toContain("error=CredentialsSignin");
    await context.dispose();
  }
  // The right password is refused too while the email is locked.
  const locked = await signInViaApi(setup, known);
  expect(locked.status()).toBe(429);
  await setup.dispose();
});
