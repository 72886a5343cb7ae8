// Sessions that really end, and getting back into an account: signing out, signing out everywhere, changing
// the password, and a forgotten password reset through a link read from a real email.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";
import { e2eQuery } from "./db";
import {
  expectAccessible,
  mailCount,
  newEmail,
  nextMail,
  PASSWORD,
  registerViaApi,
  resetLinkIn,
  signInViaApi,
  signInViaUi,
} from "./helpers";

const NEW_PASSWORD = "a completely new passphrase";

/** A client that sends only the given session cookie, as someone who copied it would. */
async function withCookie(baseURL: string, cookie: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `next-auth.session-token=${cookie}`, origin: baseURL },
  });
}

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
  expect(cookie, "signed in").toBeDefined();
  return cookie!.value;
}

/** Whether a copy of the cookie still works: on the API (one ordinary route, and the autosave's kind), a page, and next-auth's session. */
async function stillWorks(copy: APIRequestContext) {
  const notes = (await copy.get("/api/notes")).status();
  const interview = (await copy.get("/api/interviews/00000000-0000-4000-8000-000000000000")).status(); // served outside Next
  const page = await copy.get("/dashboard", { maxRedirects: 0 });
  const session = (await (await copy.get("/api/auth/session")).json()) as { user?: unknown };
  return {
    notes,
    interview,
    page: page.status() === 200 ? "page" : (page.headers().location ?? String(page.status())),
    session: Boolean(session.user),
  };
}

const WORKS = { notes: 200, interview: 404, page: "page", session: true };
const ENDED = { notes: 401, interview: 401, page: expect.stringContaining("/sign-in"), session: false };

test("signing out ends the session on the server: a copy of the cookie taken before is worth nothing after", async ({
  page,
  baseURL,
}) => {
  const email = newEmail("signout");
  await registerViaApi(page.request, email);
  await page.goto("/sign-in");
  await signInViaUi(page, email);
  await expect(page).toHaveURL(/\/dashboard$/);
  const copy = await withCookie(baseURL!, await sessionCookie(page));
  expect(await stillWorks(copy)).toEqual(WORKS);

  await page.locator("summary", { hasText: "account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await stillWorks(copy)).toEqual(ENDED);
  await copy.dispose();
});

/** One account signed in through the form in two browsers ("a laptop and a phone"). */
async function signedInOnTwoDevices(browser: Browser, email: string) {
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [here, there] = [await laptop.newPage(), await phone.newPage()];
  await registerViaApi(here.request, email);
  for (const page of [here, there]) {
    await page.goto("/sign-in");
    await signInViaUi(page, email);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  return { laptop, phone, here, there };
}

test("sign out everywhere on /account ends this browser's session and every other one", async ({
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers and an accessibility scan
  const email = newEmail("everywhere");
  const { laptop, phone, here, there } = await signedInOnTwoDevices(browser, email);
  const copy = await withCookie(baseURL!, await sessionCookie(here));

  await here.goto("/account");
  await expectAccessible(here, { all: true, label: "/account" });
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/sign-in\?signedOut=everywhere$/);
  await expect(here.getByRole("main").getByRole("status")).toHaveText(
    "You were signed out everywhere. Sign in again to continue.",
  );

  await there.goto("/notes");
  await expect(there.getByRole("heading", { name: "Sign in to use this" })).toBeVisible();
  expect(await stillWorks(copy)).toEqual(ENDED);
  await copy.dispose();
  await laptop.close();
  await phone.close();
});

test("changing the password on /account keeps this session and ends the others", async ({ browser, baseURL }) => {
  test.slow(); // two browsers, four argon2 hashes
  const email = newEmail("change");
  const { laptop, phone, here, there } = await signedInOnTwoDevices(browser, email);
  const other = await withCookie(baseURL!, await sessionCookie(there));

  await here.goto("/account");
  await here.getByLabel("Current password").fill("not my password at all");
  await here.getByLabel("New password").fill(NEW_PASSWORD);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("The current password is not correct.")).toBeVisible();
  await expect(here.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  expect(await stillWorks(other)).toEqual(WORKS);

  await here.getByLabel("Current password").fill(PASSWORD);
  await here.getByLabel("New password").fill(NEW_PASSWORD);
  await here.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByRole("main").getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  expect(await stillWorks(other)).toEqual(ENDED);
  await here.goto("/dashboard");
  await expect(here.getByRole("heading", { level: 1 })).toContainText("Welcome");

  expect((await signInViaApi(there.request, email)).headers().location).toContain("error=CredentialsSignin");
  expect((await signInViaApi(there.request, email, NEW_PASSWORD)).headers().location).not.toContain("error");
  await other.dispose();
  await laptop.close();
  await phone.close();
});

test("forgot password: the email's link sets a new password once, and every old session ends", async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow(); // two browsers, two accessibility scans, five argon2 hashes
  const email = newEmail("forgot");
  await registerViaApi(page.request, email);
  const phone = await browser.newContext();
  const signedInPhone = await phone.newPage();
  await signedInPhone.goto("/sign-in");
  await signInViaUi(signedInPhone, email);
  await expect(signedInPhone).toHaveURL(/\/dashboard$/);
  const old = await withCookie(baseURL!, await sessionCookie(signedInPhone));

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expectAccessible(page, { all: true, label: "/forgot-password" });
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText(
    "If an account uses this address, we sent it a link",
  );

  const mail = await nextMail(email);
  expect(mail.subject).toBe("Reset your Mockroom password");
  const link = resetLinkIn(mail);
  expect(link.origin).toBe(new URL(baseURL!).origin);
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page).toHaveURL(/\/reset-password$/); // the token left the address bar
  expect(await page.locator('meta[name="referrer"]').getAttribute("content")).toBe("no-referrer");
  await expectAccessible(page, { all: true, label: "/reset-password" });
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password was changed");

  expect(await stillWorks(old)).toEqual(ENDED);
  await signInViaUi(page, email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );
  await signInViaUi(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);

  // The link worked once.
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "This reset link has expired or was already used",
  );
  const replay = await page.request.post("/api/auth/reset-password", {
    data: { token: link.searchParams.get("token"), password: "yet another passphrase" },
    headers: { origin: baseURL! },
  });
  expect(replay.status()).toBe(400);
  await old.dispose();
  await phone.close();
});

test("a reset link expires after 30 minutes, and an unknown address gets the same answer and no email", async ({
  page,
  baseURL,
}) => {
  const email = newEmail("expire");
  const { id } = await registerViaApi(page.request, email);
  const ask = (address: string) =>
    page.request.post("/api/auth/forgot-password", { data: { email: address }, headers: { origin: baseURL! } });
  const known = await ask(email);
  const ghost = newEmail("ghost");
  const unknown = await ask(ghost);
  expect([known.status(), unknown.status()]).toEqual([202, 202]);
  expect(await unknown.json()).toEqual(await known.json());
  const link = resetLinkIn(await nextMail(email));
  expect(mailCount(ghost)).toBe(0);

  // Thirty minutes pass (moved in the database rather than waited for).
  const [stored] = await e2eQuery<{ minutes: number }>(
    `select extract(epoch from "expiresAt" - "createdAt") / 60 as minutes from "PasswordReset" where "userId" = $1`,
    [id],
  );
  expect(Number(stored!.minutes)).toBe(30);
  await e2eQuery(
    `update "PasswordReset" set "createdAt" = "createdAt" - interval '30 minutes', "expiresAt" = "expiresAt" - interval '30 minutes' where "userId" = $1`,
    [id],
  );
  await page.goto(link.pathname + link.search);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "This reset link has expired or was already used",
  );
  await page.getByRole("link", { name: "Ask for a new one" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const late = await page.request.post("/api/auth/reset-password", {
    data: { token: link.searchParams.get("token"), password: NEW_PASSWORD },
    headers: { origin: baseURL! },
  });
  expect(late.status()).toBe(400);
  expect((await signInViaApi(page.request, email)).headers().location).not.toContain("error");
});
