import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { FakeReply } from "../support/fake-openai";
import type { Mail } from "../support/mailbox";
import { E2E_AI_URL_FILE, E2E_DATABASE_FILE, E2E_MAIL_FILE } from "./accounts";
import { e2eQuery } from "./db";

export const PASSWORD = "correct horse battery staple";
export { ADMIN_EMAIL } from "./accounts";
export { resetLinkIn } from "../support/mailbox";

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

/** The next email to `address` the e2e server sent (tests/e2e/server.ts writes them to E2E_MAIL_FILE). */
export async function nextMail(address: string, after = 0, timeoutMs = 10_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = fs
      .readFileSync(E2E_MAIL_FILE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Mail);
    const found = mails.filter((m) => m.to.includes(address.toLowerCase()));
    if (found.length > after) return found[after]!;
    if (Date.now() > deadline) throw new Error(`no email to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many emails `address` has received so far. */
export function mailCount(address: string): number {
  return fs
    .readFileSync(E2E_MAIL_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .filter((line) => (JSON.parse(line) as Mail).to.includes(address.toLowerCase())).length;
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

function send(
  baseURL: string,
  localAddress: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * next-auth's credentials sign-in from another client address on this machine (127.0.0.2, 127.0.0.3...: the
 * server sees the connection's source address), as someone elsewhere would send it.
 */
export async function signInFrom(
  baseURL: string,
  localAddress: string,
  email: string,
  password: string,
  spelling: SignInSpelling = "form",
): Promise<Answer> {
  const csrf = await send(baseURL, localAddress, "GET", "/api/auth/csrf", {});
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const [type, body] =
    spelling === "json"
      ? ["application/json", JSON.stringify({ csrfToken, email, password })]
      : spelling === "decoy-email-first"
        ? [
            "application/x-www-form-urlencoded",
            `${new URLSearchParams({ email: `decoy-${localAddress}@example.test`, csrfToken, password })}&${new URLSearchParams({ email })}`,
          ]
        : ["application/x-www-form-urlencoded", new URLSearchParams({ csrfToken, email, password }).toString()];
  const path =
    spelling === "escaped-path"
      ? "/api/auth/callback/credential%73"
      : spelling === "extra-segment"
        ? "/api/auth/callback/credentials/x"
        : "/api/auth/callback/credentials";
  return send(
    baseURL,
    localAddress,
    "POST",
    path,
    { "content-type": type, cookie, "content-length": String(Buffer.byteLength(body)) },
    body,
  );
}

/** Ways to send the same credentials sign-in that next-auth reads alike (the throttle must count them all). */
export type SignInSpelling = "form" | "json" | "decoy-email-first" | "escaped-path" | "extra-segment";

/** `npm run user -- <args>` against the e2e server's database, as an operator runs it on the server. */
export function userCommand(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const root = path.resolve(__dirname, "../..");
  const databaseUrl = fs.readFileSync(path.join(root, E2E_DATABASE_FILE), "utf8").trim();
  return spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "lib/cli/user.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

/**
 * Switches the emulated system colour scheme on a loaded page and waits until the page follows it (next-themes sets
 * html's class from the media query's change event): checking the page before that checks the other scheme.
 */
export async function switchColorScheme(page: Page, colorScheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme });
  await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

/**
 * On /interviews/new: focus the interview on these topics. A profile's coding problem may be Python or SQL (drawn
 * by topic weight); a test about the Python editor focuses on a Django topic whose problems are all Python.
 */
export async function focusOnTopics(page: Page, slugs: string[]) {
  for (const slug of slugs) await page.locator(`input[name="topics"][value="${slug}"]`).check();
}

/** Queues the e2e server's fake AI endpoint's next replies (tests/support/fake-openai.ts), e.g. a failure. */
export async function queueFakeReplies(replies: FakeReply[]): Promise<void> {
  const base = fs.readFileSync(E2E_AI_URL_FILE, "utf8").trim().replace(/\/v1$/, "");
  const response = await fetch(`${base}/__fake/queue`, { method: "POST", body: JSON.stringify(replies) });
  if (response.status !== 204) throw new Error(`The fake AI endpoint answered ${response.status}`);
}

type AxeOptions = {
  /** Every violation, whatever its impact (by default only serious and critical ones). */
  all?: boolean;
  /** axe's best-practice rules too (accesskeys, dialog names, tabindex, frames tested, ...). */
  bestPractice?: boolean;
};

/** WCAG 2.0/2.1 A and AA violations on the page as it is now (axe), as "id: target, target" strings. */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  // Next streams a page's metadata after its body, and again on router.refresh(): the title may land a moment later
  // (an axe run in that moment failed "document-title" after an editor's save).
  await expect(page).toHaveTitle(/\S/);
  const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", ...(options.bestPractice ? ["best-practice"] : [])];
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations
    .filter((v) => options.all || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * No violation on the page as it is now (axeViolations). `label` (the page, the colour scheme) starts each reported
 * violation, so a failure says where.
 */
export async function expectAccessible(page: Page, options: AxeOptions & { label?: string } = {}) {
  const violations = await axeViolations(page, options);
  expect(options.label === undefined ? violations : violations.map((v) => `${options.label} ${v}`)).toEqual([]);
}

/** The first question of the bank's list (a written one with `written`), as the API lists it. */
export async function firstQuestion(
  page: Page,
  options: { written?: boolean } = {},
): Promise<{ slug: string; title: string }> {
  const response = await page.request.get(`/api/questions?limit=1${options.written ? "&kind=written" : ""}`);
  const { items } = (await response.json()) as { items: { slug: string; title: string }[] };
  return items[0]!;
}
