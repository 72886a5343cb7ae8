// Property-based fuzzing (fast-check) of every JSON route in tests/security/routes.ts: random and malformed
// bodies (any JSON value, the valid body with fields replaced by anything, text that is not JSON) and random
// query strings, sent by a signed-in user at their own rows. The property: never a 5xx, and every refusal
// uses the documented error shape { error: { code, message } }.
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { newEmail, registerViaApi, signInViaApi } from "../e2e/helpers";
import { RULES } from "./routes";

const RUNS = 30;
const SEED = 20261125;
const QUERY_KEYS = ["q", "topic", "difficulty", "kind", "company", "tag", "cursor", "limit", "status", "format", "sort", "set"];

test.describe.configure({ mode: "serial" });

let api: APIRequestContext;
const values: Record<string, string> = {};
let total = 0;

test.beforeAll(async ({ playwright, baseURL }) => {
  api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const email = newEmail("fuzz");
  await registerViaApi(api, email);
  await signInViaApi(api, email);
  values.slug = ((await (await api.get("/api/questions?kind=written&limit=1")).json()) as { items: { slug: string }[] }).items[0]!.slug;
  values.company = ((await (await api.get("/api/companies")).json()) as { items: { slug: string }[] }).items[0]!.slug;
  const started = (await (await api.post("/api/interviews", { data: { company: values.company, mode: "practice" } })).json()) as { id: string; questions: { id: string }[] };
  values.interview = started.id;
  values.question = started.questions[0]!.id;
  values.set = ((await (await api.post("/api/sets", { data: { name: "Fuzzed set" } })).json()) as { id: string }).id;
});

test.afterAll(async () => {
  test.info().annotations.push({ type: "fuzz requests", description: String(total) });
  await api.dispose();
});

/** Bodies: any JSON, the valid body with each field replaced by anything JSON, or text that is not JSON at all. */
function bodies(valid: unknown): string[] {
  const mutated =
    valid && typeof valid === "object"
      ? fc.record(Object.fromEntries(Object.keys(valid).map((key) => [key, fc.jsonValue()])), { requiredKeys: [] }).map((v) => JSON.stringify(v))
      : fc.constant("{}");
  const notJson = fc.oneof(fc.string(), fc.constantFrom("{", "[1,", '{"a":', "null", "\u0000", "{\"content\": \"\\ud800\"}", "1e309", "[]".repeat(2000)));
  return fc.sample(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? "null"), mutated, notJson), { numRuns: RUNS, seed: SEED });
}

function queries(): string[] {
  const value = fc.oneof(fc.string(), fc.string({ unit: "binary", maxLength: 40 }), fc.integer().map(String), fc.constantFrom("", "-1", "1e9", "null", "%", "%%", "'", "\\"));
  const query = fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), value, { maxKeys: 4 });
  return fc.sample(query, { numRuns: RUNS, seed: SEED }).map((q) => new URLSearchParams(q).toString());
}

const fuzzed = Object.entries(RULES).filter(([route]) => !route.startsWith("PAGE ") && !route.includes("[...nextauth]") && !route.startsWith("GET /python"));

for (const [route, rule] of fuzzed) {
  test(`fuzz ${route}`, async () => {
    const method = route.split(" ")[0]!;
    const path = rule.path.replace(/:(\w+)/g, (_, name: string) => values[name]!);
    const cases = method === "GET" ? queries().map((q) => ({ url: `${path}${path.includes("?") ? "&" : "?"}${q}`, body: undefined })) : bodies(rule.body).map((body) => ({ url: path, body }));
    for (const sent of cases) {
      const response = await api.fetch(sent.url, { method, data: sent.body, headers: sent.body === undefined ? {} : { "content-type": "application/json" }, maxRedirects: 0 });
      total++;
      const status = response.status();
      const label = `${route} ${sent.url} ${JSON.stringify(sent.body)?.slice(0, 200)}: HTTP ${status}`;
      expect(status, label).toBeLessThan(500);
      if (status >= 400) {
        const body = (await response.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
        expect(typeof body?.error?.code, label).toBe("string");
        expect(typeof body?.error?.message, label).toBe("string");
      }
    }
  });
}
