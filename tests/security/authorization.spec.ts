// Authorization matrix: every page and API route (tests/security/routes.ts, checked against the files in
// app/) requested as {anonymous, another user, owner, admin} against the production server. Owners reach
// their rows; everyone else signed in gets 404 (not 403: an id of someone else's row reveals nothing);
// anonymous callers get 401 from the API, and from pages a redirect to sign-in or a page that only invites
// them to sign in. Admin routes and pages are the same 404 for every signed-in user who is not an admin.
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { PGLITE_VERSION, PYODIDE_VERSION } from "../../lib/coding/runtime";
import { e2eQuery } from "../e2e/db";
import { ADMIN_EMAIL, newEmail, registerViaApi, signInViaApi, userCommand } from "../e2e/helpers";
import { discoverRoutes, RULES, type Rule } from "./routes";

test.describe.configure({ mode: "serial" });

type Principal = "anonymous" | "other" | "owner" | "admin";
const OWNERS_WORDS = "The owner's own words, saved before the matrix ran.";
const PRINCIPALS: Principal[] = ["anonymous", "other", "admin", "owner"]; // the owner last: its writes must not change what others see

test("every route in app/ has an authorization rule, and every rule a route", () => {
  const routes = discoverRoutes();
  expect(routes.length).toBeGreaterThan(50);
  expect(
    routes.filter((route) => !RULES[route]),
    "routes without a rule in tests/security/routes.ts",
  ).toEqual([]);
  expect(
    Object.keys(RULES).filter((route) => !routes.includes(route)),
    "rules for routes that no longer exist",
  ).toEqual([]);
});

test.describe("authorization matrix", () => {
  const contexts = {} as Record<Principal, APIRequestContext>;
  const values: Record<string, string> = { pyodide: PYODIDE_VERSION, pglite: PGLITE_VERSION };

  test.beforeAll(async ({ baseURL }) => {
    const make = () => playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    contexts.anonymous = await make();
    const emails = { owner: newEmail("owner"), other: newEmail("other"), admin: ADMIN_EMAIL };
    for (const who of ["owner", "other", "admin"] as const) {
      const context = await make();
      await registerViaApi(context, emails[who]);
      await signInViaApi(context, emails[who]);
      expect((await (await context.get("/api/auth/session")).json()).user, `${who} is signed in`).toBeTruthy();
      contexts[who] = context;
    }
    // ADMIN_EMAILS (tests/e2e/server.ts) lists the admin's address, but registering it proves nothing: the role
    // comes from the command an operator runs on the server.
    expect(await e2eQuery(`select role from "User" where email = $1`, [ADMIN_EMAIL])).toEqual([{ role: "USER" }]);
    const granted = userCommand(["grant-admin", ADMIN_EMAIL]);
    expect(granted.stderr).toBe("");
    expect(granted.stdout.trim()).toBe(`${ADMIN_EMAIL} is now an admin.`);
    expect(await e2eQuery(`select role from "User" where email = $1`, [ADMIN_EMAIL])).toEqual([{ role: "ADMIN" }]);
    const questions = (await (await contexts.anonymous.get("/api/questions?kind=written&limit=1")).json()) as {
      items: { slug: string }[];
    };
    values.slug = questions.items[0]!.slug;
    const companies = (await (await contexts.anonymous.get("/api/companies")).json()) as { items: { slug: string }[] };
    values.company = companies.items[0]!.slug;
    // A format whose interviews ask written questions too (spoken answers and AI feedback are for those).
    const withWritten = companies.items.some((c) => c.slug === "deloitte") ? "deloitte" : values.company;
    // The owner's AI feedback (the e2e server's model is a fake): on an answer of an interview that has ended
    // (first: one interview of a format runs at a time).
    const ended = (await (
      await contexts.owner.post("/api/interviews", { data: { company: withWritten, mode: "practice" } })
    ).json()) as { id: string; questions: { id: string; kind: string }[] };
    const answered = ended.questions.find((q) => q.kind === "written")!.id;
    await contexts.owner.put(`/api/interviews/${ended.id}/answers/${answered}`, {
      data: { content: OWNERS_WORDS, revision: 0 },
    });
    expect((await contexts.owner.post(`/api/interviews/${ended.id}/finish`)).status()).toBe(200);
    const feedback = await contexts.owner.post(`/api/interviews/${ended.id}/answers/${answered}/feedback`);
    expect(feedback.status()).toBe(201);
    values.feedback = ((await feedback.json()) as { id: string }).id;
    // The owner's rows: a practice interview (no clock) and a set.
    const interview = await contexts.owner.post("/api/interviews", {
      data: { company: withWritten, mode: "practice" },
    });
    expect(interview.status()).toBe(201);
    const started = (await interview.json()) as { id: string; questions: { id: string; kind: string }[] };
    values.interview = started.id;
    values.question = started.questions[0]!.id;
    values.spoken = started.questions.find((q) => q.kind === "written")!.id;
    const saved = await contexts.owner.put(`/api/interviews/${values.interview}/answers/${values.question}`, {
      data: { content: OWNERS_WORDS, revision: 0 },
    });
    expect(saved.status()).toBe(200);
    // The owner's recordings (a spoken interview answer and a spoken practice answer), for the routes that play them.
    for (const url of [
      `/api/interviews/${values.interview}/answers/${values.spoken}/recording?durationMs=2000`,
      `/api/questions/${values.slug}/practice/recording?durationMs=2000`,
    ]) {
      const recorded = await contexts.owner.put(url, {
        data: Buffer.alloc(2_000, 7),
        headers: { "content-type": "audio/webm" },
      });
      expect(recorded.status(), url).toBe(200);
    }
    const set = await contexts.owner.post("/api/sets", { data: { name: "Owner's set", questions: [values.slug] } });
    expect(set.status()).toBe(201);
    values.set = ((await set.json()) as { id: string }).id;
    const report = await contexts.owner.post(`/api/questions/${values.slug}/report`, {
      data: { reason: "unclear", details: "The owner's report, for the admin routes." },
    });
    expect(report.status()).toBe(201);
    values.report = ((await report.json()) as { id: string }).id;
  });

  test.afterAll(async () => {
    for (const context of Object.values(contexts)) await context.dispose();
  });

  const fill = (template: string) => template.replace(/:(\w+)/g, (_, name: string) => values[name] ?? `:${name}`);

  async function send(who: Principal, method: string, rule: Rule): Promise<APIResponse> {
    const context = contexts[who];
    const url = fill(rule.path);
    const data = rule.body === undefined ? undefined : JSON.parse(fill(JSON.stringify(rule.body)));
    if (method === "PAGE") return context.get(url, { maxRedirects: 0 });
    return context.fetch(url, { method, data, maxRedirects: 0 });
  }

  function expected(route: string, rule: Rule, who: Principal): "allowed" | "unauthenticated" | "not-found" {
    if (rule.access === "nothing") return "not-found";
    if (rule.access === "public") return "allowed";
    if (who === "anonymous") return "unauthenticated";
    if (rule.access === "owner" && who !== "owner") return "not-found";
    if (rule.access === "admin" && who !== "admin") return "not-found";
    return "allowed";
  }

  // Writes that remove the row the later checks need run last, the narrowest first.
  const order = (route: string) => (route.startsWith("DELETE ") ? 1 + (10 - route.split("/").length) / 100 : 0);
  const routes = Object.keys(RULES).sort((a, b) => order(a) - order(b));

  for (const route of routes) {
    test(route, async () => {
      const rule = RULES[route]!;
      const method = route.split(" ")[0]!;
      const page = method === "PAGE";
      for (const who of PRINCIPALS) {
        const response = await send(who, method, rule);
        const status = response.status();
        const outcome = expected(route, rule, who);
        const label = `${route} as ${who}: HTTP ${status}`;
        expect(status, label).toBeLessThan(500);
        // Security headers on every answer, whatever it is: a page, JSON, a file, a redirect or an error.
        const headers = response.headers();
        expect(headers["x-content-type-options"], label).toBe("nosniff");
        expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
        expect(headers["x-frame-options"], label).toBe("DENY");
        expect(headers["content-security-policy"], label).toMatch(/frame-ancestors 'none'|default-src 'none'/);
        if (outcome === "unauthenticated") {
          if (page && status === 200) {
            // Some pages invite visitors in instead of redirecting: a sign-in link that returns here.
            expect(await response.text(), label).toContain('href="/sign-in?callbackUrl=');
          } else if (page) {
            expect([303, 307, 308], label).toContain(status);
            expect(response.headers().location, label).toContain("/sign-in");
          } else expect(status, label).toBe(401);
        } else if (outcome === "not-found") {
          expect(status, label).toBe(404);
        } else {
          // Allowed: the request got past authorization (validation or state may still say no).
          expect([401, 403, 404], label).not.toContain(status);
          if (page) expect(status, label).toBeLessThan(400);
        }
      }
    });
  }

  test("nothing another user or an admin sent changed the owner's rows", async () => {
    // Every write in the matrix carried revision 0; the owner's answer was at revision 1 already, so only
    // a write that skipped both the ownership and the revision check could have changed it.
    const interview = (await (await contexts.owner.get(`/api/interviews/${values.interview}`)).json()) as {
      answers: { questionId: string; content: string }[];
    };
    expect(interview.answers.find((a) => a.questionId === values.question)?.content).toBe(OWNERS_WORDS);
    for (const who of ["other", "admin"] as const) {
      expect((await contexts[who].get(`/api/interviews/${values.interview}`)).status()).toBe(404);
      const own = (await (await contexts[who].get("/api/interviews")).json()) as { items: { id: string }[] };
      expect(own.items.map((i) => i.id)).not.toContain(values.interview);
    }
  });
});
