import crypto from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { e2eQuery } from "./db";

export const PASSWORD = "correct horse battery staple";
export { ADMIN_EMAIL } from "./accounts";

export function newEmail(prefix = "e2e"): string {
  return `${prefix}-${crypto.randomBytes(5).toString("hex")}@example.test`;
}

export async function registerViaApi(request: APIRequestContext, email: string, name?: string) {
  // Every test registers from 127.0.0.1 and the suite makes more accounts than the hourly per-address
  // limit allows; that limit is tested in tests/integration/register-route.test.ts.
  await e2eQuery(`delete from "RateLimit" where key like 'register:ip:%'`);
  const response = await request.post("/api/auth/register", { data: { email, password: PASSWORD, name } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; email: string };
}

/** next-auth's credentials path, as scripts use it: CSRF token, then a form POST. */
export async function signInViaApi(request: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password }, maxRedirects: 0 });
}

export async function signInViaUi(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
