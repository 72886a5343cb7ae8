// The web's usual attacks against the production server: cross-site writes, open redirects after sign-in,
// session cookies scripts could read, and a client that tries to set what only the server decides (its
// owner, its role, its clock).
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { e2eQuery } from "../e2e/db";
import { newEmail, PASSWORD, registerViaApi, signInViaApi, signInViaUi } from "../e2e/helpers";
import { anyDestination, KNOWN_ATTACKS } from "../support/redirect-attacks";
import { RULES } from "./routes";

const EVIL = "https://evil.example";

test("every state-changing API route refuses a request from another site", async ({ request, playwright, baseURL }) => {
  const email = newEmail("csrf");
  await registerViaApi(request, email);
  await signInViaApi(request, email);
  // From the route list, so a new write route without the check fails here. next-auth's own routes use its CSRF token instead.
  const writes = Object.entries(RULES).filter(
    ([route, rule]) => !/^(GET|PAGE) /.test(route) && !route.includes("[...nextauth]") && rule.access !== "nothing",
  );
  expect(writes.length).toBeGreaterThan(20);
  for (const [route, rule] of writes) {
    const method = route.split(" ")[0]!;
    const path = rule.path
      .replace(/:(\w+)/g, "00000000-0000-4000-8000-000000000000")
      .replace("/api/questions/00000000-0000-4000-8000-000000000000", "/api/questions/some-question");
    const response = await request.fetch(path, {
      method,
      data: rule.body ?? {},
      headers: { origin: EVIL },
      maxRedirects: 0,
    });
    expect(response.status(), `${route} from ${EVIL}`).toBe(403);
  }
  // next-auth's sign-in refuses a post without its CSRF token (a login forged from another site).
  const victim = await playwright.request.newContext({ baseURL });
  const forged = await victim.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD },
    headers: { origin: EVIL },
    maxRedirects: 0,
  });
  expect(forged.status()).toBeLessThan(500);
  expect(await (await victim.get("/api/auth/session")).json()).not.toHaveProperty("user");
  await victim.dispose();
});

test("server actions refuse a form posted from another site", async ({ page }) => {
  const email = newEmail("action-csrf");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const multiplier = async () =>
    (await e2eQuery<{ timeMultiplier: number }>(`select "timeMultiplier" from "User" where email = $1`, [email]))[0]!
      .timeMultiplier;

  // The real action request, as the dashboard's form sends it.
  await page.goto("/dashboard");
  const form = page.locator("form").filter({ has: page.getByLabel("Default time for timed interviews") });
  await form.getByLabel("Default time for timed interviews").selectOption("1.5");
  const [posted] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
    form.getByRole("button", { name: "Save", exact: true }).click(),
  ]);
  await expect(form.getByText("Saved.")).toBeVisible();
  expect(await multiplier()).toBe(1.5);

  // The same request replayed: from this site it works (so the replay is a faithful one)...
  const headers = await posted.allHeaders();
  const replay = (origin: string, value: string) =>
    page.request.post(posted.url(), {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: headers["accept"] ?? "text/x-component",
        origin,
      },
      data: posted
        .postDataBuffer()!
        .toString("utf8")
        .replace('"1.5"', `"${value}"`)
        .replace(/\r\n\r\n1\.5\r\n/, `\r\n\r\n${value}\r\n`),
      maxRedirects: 0,
    });
  expect((await replay(new URL(posted.url()).origin, "2")).status()).toBe(200);
  expect(await multiplier()).toBe(2);
  // ...and from another site it changes nothing.
  const forged = await replay(EVIL, "1");
  expect(forged.status()).toBe(403);
  expect(await multiplier()).toBe(2);
});

test("a server action with forged forwarded headers is refused, never a 500 (found by the fuzzer)", async ({
  request,
  baseURL,
}) => {
  // This server trusts no proxy (the e2e server's TRUST_PROXY is unset): X-Forwarded-* are the client's words.
  const forged = ['W/"x"', "evil.example", "127.0.0.1:1", "", "a b"];
  for (const path of ["/", "/dashboard", "/no/such/page", "/Y/admin/topics/x/revisions/1/restore"]) {
    for (const host of forged) {
      const response = await request.post(path, {
        headers: {
          "next-action": "bytes=0-0,1-",
          "content-type": "",
          "x-forwarded-host": host,
          "x-forwarded-proto": "https",
          origin: baseURL!,
        },
        data: "{}",
        maxRedirects: 0,
      });
      expect(response.status(), `${path} with X-Forwarded-Host "${host}"`).toBeGreaterThanOrEqual(400);
      expect(response.status(), `${path} with X-Forwarded-Host "${host}"`).toBeLessThan(500);
      expect(response.headers()["content-security-policy"], path).toBeTruthy();
    }
  }
});

test("a form posted to a page from another site without Next's header is refused too, never a 500 (found by the fuzzer)", async ({
  request,
  baseURL,
}) => {
  // A multipart POST is a server action to Next even without `next-action` (a form sent before its page's script
  // ran): it parsed the body and answered 500 when it could not, from another site.
  for (const path of ["/", "/questions", "/dashboard", "/no/such/page", "/x/admin/packs"]) {
    for (const contentType of [
      "multipart/form-data; boundary=x",
      "multipart/form-data",
      " Multipart/Form-Data; boundary=y",
    ]) {
      for (const origin of [EVIL, "{", "null"]) {
        const response = await request.post(path, {
          headers: { "content-type": contentType, origin },
          data: '[null,"apply",{"a":1}]',
          maxRedirects: 0,
        });
        expect(response.status(), `${path} ${contentType} from ${origin}`).toBe(403);
      }
      // From this site the body is still not a form: Next refuses it (or renders the page), never a 500.
      const own = await request.post(path, {
        headers: { "content-type": contentType, origin: new URL(baseURL!).origin },
        data: '[null,"apply",{"a":1}]',
        maxRedirects: 0,
      });
      expect(own.status(), `${path} ${contentType} from this site`).toBeLessThan(500);
    }
  }
});

test("a page given a forged or foreign cursor in its address shows its first page, never a 500 (found by the fuzzer)", async ({
  page,
}) => {
  const email = newEmail("cursor-pages");
  await registerViaApi(page.request, email);
  await signInViaApi(page.request, email);
  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const forged = [
    cursor({ mode: "x", key: -23, slug: "I.Ac! p q1" }),
    cursor({ mode: "rank", key: 1, slug: "a" }),
    cursor({ mode: "started", key: 1e300, slug: "not-a-uuid" }),
    "1417166700",
    "",
  ];
  for (const path of ["/interviews", "/notes", "/questions"]) {
    for (const value of forged) {
      const response = await page.request.get(`${path}?cursor=${encodeURIComponent(value)}`, { maxRedirects: 0 });
      expect(response.status(), `${path}?cursor=${value}`).toBe(200);
    }
  }
});

test("sign-in never sends anyone to another site, whatever the callbackUrl says", async ({ page, baseURL }) => {
  test.setTimeout(120_000); // a dozen real sign-ins and twenty redirects followed in Chromium
  const origin = new URL(baseURL!).origin;
  const email = newEmail("redirect");
  await registerViaApi(page.request, email);
  const generated = fc.sample(anyDestination, { numRuns: 30, seed: 20261206 });
  // Signed out: a real sign-in through the form, then wherever the page sends the browser.
  for (const target of [...KNOWN_ATTACKS, ...generated.slice(0, 2)]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await signInViaUi(page, email);
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    expect(new URL(page.url()).origin, target).toBe(origin);
  }
  // Signed in: the sign-in page redirects at once; the browser must land on this origin every time.
  await signInViaApi(page.request, email);
  for (const [n, target] of [...KNOWN_ATTACKS, ...generated].entries()) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
    expect(response.status(), target).toBe(307);
    const location = response.headers().location!;
    expect(location, target).toMatch(/^\/(?![/\\])/);
    if (n >= KNOWN_ATTACKS.length + 10) continue; // the rest are checked by their Location alone
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    expect(new URL(page.url()).origin, target).toBe(origin);
  }
  // Straight at next-auth: its redirect stays on this origin too, and a value that is not a URL is no 500.
  const context = page.context().request;
  await page.context().clearCookies();
  for (const callbackUrl of [`${EVIL}/x`, "/.//evil.example", "not a url", "%%%"]) {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: PASSWORD, callbackUrl },
      maxRedirects: 0,
    });
    expect(response.status(), callbackUrl).toBeLessThan(500);
    if (response.headers().location)
      expect(new URL(response.headers().location!, baseURL).origin, callbackUrl).toBe(origin);
    await page.context().clearCookies();
  }
});

test("the session cookie is HttpOnly and SameSite=Lax, out of reach of scripts", async ({ page }) => {
  const email = newEmail("cookie");
  await registerViaApi(page.request, email);
  await page.goto("/sign-in");
  await signInViaUi(page, email);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  expect(session!.path).toBe("/");
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("the server decides the owner, the role and the clock, not the request body", async ({ request, baseURL }) => {
  const email = newEmail("mass");
  const registered = await request.post("/api/auth/register", {
    data: { email, password: PASSWORD, role: "ADMIN", id: "00000000-0000-4000-8000-000000000001" },
  });
  expect([201, 400]).toContain(registered.status());
  if (registered.status() === 201) {
    const [row] = await e2eQuery<{ id: string; role: string }>(`select id, role from "User" where email = $1`, [email]);
    expect(row).toMatchObject({ role: "USER" });
    expect(row!.id).not.toBe("00000000-0000-4000-8000-000000000001");
  } else await registerViaApi(request, email);
  await signInViaApi(request, email);

  const companies = (await (await request.get("/api/companies")).json()) as { items: { slug: string }[] };
  const far = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const started = await request.post("/api/interviews", {
    data: {
      company: companies.items[0]!.slug,
      mode: "strict",
      deadlineAt: far,
      startedAt: far,
      userId: "00000000-0000-4000-8000-000000000001",
    },
    headers: { origin: baseURL! },
  });
  expect(started.status()).toBe(201);
  const interview = (await started.json()) as {
    id: string;
    deadlineAt: string;
    serverNow: string;
    questions: { id: string }[];
  };
  expect(new Date(interview.deadlineAt).getTime()).toBeLessThan(Date.now() + 4 * 3_600_000); // the profile's duration, not the body's
  // Time runs out (moved in the database, as waiting would take the whole interview): no body brings it back.
  await e2eQuery(`update "Interview" set "deadlineAt" = now() - interval '1 minute' where id = $1`, [interview.id]);
  const late = await request.put(`/api/interviews/${interview.id}/answers/${interview.questions[0]!.id}`, {
    data: { content: "after time", revision: 0, deadlineAt: far, now: new Date(0).toISOString() },
    headers: { origin: baseURL!, date: new Date(0).toUTCString() },
  });
  expect(late.status()).toBe(409);
  expect((await late.json()).error.code).toBe("TIME_UP");
});

test("a deleted account's leftover session reaches nothing: its sessions end with it, every call is 401", async ({
  request,
  baseURL,
}) => {
  const email = newEmail("deleted");
  const { id: userId } = await registerViaApi(request, email);
  await signInViaApi(request, email);
  const companies = (await (await request.get("/api/companies")).json()) as { items: { slug: string }[] };
  const started = await request.post("/api/interviews", {
    data: { company: companies.items[0]!.slug, mode: "practice" },
    headers: { origin: baseURL! },
  });
  expect(started.status()).toBe(201);
  const interview = (await started.json()) as { id: string; questions: { id: string }[] };
  const save = (content: string, revision: number) =>
    request.put(`/api/interviews/${interview.id}/answers/${interview.questions[0]!.id}`, {
      data: { content, revision },
      headers: { origin: baseURL! },
    });
  expect((await save("before the account is deleted", 0)).status()).toBe(200);

  // The account goes; this client keeps its cookie (as a second tab would).
  expect(
    (
      await request.delete("/api/me", {
        data: { password: PASSWORD, confirm: "delete my account" },
        headers: { origin: baseURL! },
      })
    ).status(),
  ).toBe(204);
  // The autosave and reading an interview (served outside Next) as much as every other route.
  const after = await save("after the account is deleted", 1);
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("UNAUTHORIZED");
  expect((await request.get(`/api/interviews/${interview.id}`)).status()).toBe(401);
  const flag = await request.put(`/api/interviews/${interview.id}/answers/${interview.questions[0]!.id}/flag`, {
    data: { flagged: true },
    headers: { origin: baseURL! },
  });
  expect(flag.status()).toBe(401);
  expect((await request.get("/api/notes")).status()).toBe(401);
  const restart = await request.post("/api/interviews", {
    data: { company: companies.items[0]!.slug, mode: "practice" },
    headers: { origin: baseURL! },
  });
  expect(restart.status()).toBe(401);
  expect((await request.get("/api/me/export")).status()).toBe(401);
  expect(await e2eQuery(`select id from "Interview" where "userId" = $1`, [userId])).toEqual([]);
  expect(await e2eQuery(`select id from "User" where id = $1`, [userId])).toEqual([]);
});
