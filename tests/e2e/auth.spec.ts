import { expect, test } from "@playwright/test";
import { newEmail, PASSWORD, registerViaApi, signInFrom, signInViaApi, signInViaUi } from "./helpers";

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
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );

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

test("an attacker elsewhere is slowed down, the owner is not locked out, and the answers never tell whether the account exists", async ({
  page,
  playwright,
  baseURL,
}) => {
  const owner = newEmail("brute");
  const setup = await playwright.request.newContext({ baseURL });
  await registerViaApi(setup, owner, "Owner");
  await setup.dispose();
  // Two attackers on other client addresses of this machine: one at the owner's account, one at an account that does not exist.
  const runs: { statuses: number[]; locations: string[]; retryAfter: number; body: unknown }[] = [];
  for (const [address, email] of [
    ["127.0.0.2", owner],
    ["127.0.0.3", newEmail("ghost")],
  ] as const) {
    const run = { statuses: [] as number[], locations: [] as string[], retryAfter: 0, body: null as unknown };
    for (let i = 0; i < 12; i++) {
      const answer = await signInFrom(baseURL!, address, email, `wrong password ${i}`);
      run.statuses.push(answer.status);
      run.locations.push(String(answer.headers.location ?? ""));
      if (answer.status === 429) {
        run.retryAfter = Number(answer.headers["retry-after"]);
        run.body = JSON.parse(answer.body);
      }
    }
    runs.push(run);
  }
  for (const run of runs) {
    expect(run.statuses).toEqual([...Array(5).fill(302), ...Array(7).fill(429)]);
    expect(run.locations[0]).toContain("error=CredentialsSignin");
    expect(new Set(run.locations.slice(0, 5)).size).toBe(1);
    expect(run.retryAfter).toBeGreaterThan(50);
    expect(run.retryAfter).toBeLessThanOrEqual(60);
    expect(run.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
  }
  expect(runs[1]!.body).toEqual(runs[0]!.body);
  // The attacker's address is refused even with the right password (it must wait)...
  expect((await signInFrom(baseURL!, "127.0.0.2", owner, PASSWORD)).status).toBe(429);
  // ...while the owner, from their own address, signs in in the browser.
  await page.goto("/sign-in");
  await signInViaUi(page, owner);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Welcome, Owner" })).toBeVisible();
});

test("the throttle counts every spelling of a sign-in next-auth accepts: JSON, a repeated email field, an escaped or longer path", async ({
  playwright,
  baseURL,
}) => {
  const spellings = ["json", "decoy-email-first", "escaped-path", "extra-segment"] as const;
  for (const [n, spelling] of spellings.entries()) {
    const victim = newEmail("spelling");
    const setup = await playwright.request.newContext({ baseURL });
    await registerViaApi(setup, victim);
    await setup.dispose();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await signInFrom(baseURL!, `127.0.0.${20 + n}`, victim, `wrong ${i}`, spelling)).status);
    expect(statuses.slice(0, 5), spelling).not.toContain(429);
    expect(statuses.slice(5), spelling).toEqual([429, 429]);
  }
});
