// Property-based fuzzing (fast-check) of every page and API route in tests/security/routes.ts, by a signed-in
// user at their own rows: bodies (any JSON, the valid body with fields replaced, text that is not JSON, other
// content types), query strings (and forged pagination cursors), path segments (malformed and overlong
// percent-escapes, dot segments, long and odd bytes), cookies (garbage session and next-auth cookies, broken
// syntax) and headers (Next's own request headers, proxies', conditional and content headers).
// The property: never a 5xx or a dropped connection; every answer carries a request id and the security
// headers; every API refusal uses the documented error shape { error: { code, message } }.
// FUZZ_CASES (default 10,000 in all) and FUZZ_SEED run more or other cases: `FUZZ_CASES=100000 npm run test:e2e -- -g fuzz`.
import crypto from "node:crypto";
import http from "node:http";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { PGLITE_VERSION, PYODIDE_VERSION } from "@/lib/coding/runtime";
import { newEmail, registerViaApi, signInViaApi } from "../e2e/helpers";
import { anyDestination } from "../support/redirect-attacks";
import { RULES } from "./routes";

const TOTAL_CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
/** Requests in flight at once (the server and this runner share two cores). */
const CONCURRENCY = 6;
const QUERY_KEYS = [
  "q",
  "topic",
  "difficulty",
  "kind",
  "company",
  "tag",
  "cursor",
  "limit",
  "status",
  "format",
  "sort",
  "set",
  "id",
  "callbackUrl",
  "error",
];

let api: APIRequestContext;
let origin = "";
let sessionCookie = "";
const values: Record<string, string> = { pyodide: PYODIDE_VERSION, pglite: PGLITE_VERSION };
let sent = 0;

test.beforeAll(async ({ playwright, baseURL }) => {
  origin = baseURL!;
  api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const email = newEmail("fuzz");
  await registerViaApi(api, email);
  await signInViaApi(api, email);
  const cookie = (await api.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"))!;
  sessionCookie = `${cookie.name}=${cookie.value}`;
  values.slug = (
    (await (await api.get("/api/questions?kind=written&limit=1")).json()) as { items: { slug: string }[] }
  ).items[0]!.slug;
  values.company = ((await (await api.get("/api/companies")).json()) as { items: { slug: string }[] }).items[0]!.slug;
  const started = (await (
    await api.post("/api/interviews", { data: { company: values.company, mode: "practice" } })
  ).json()) as { id: string; questions: { id: string }[] };
  values.interview = started.id;
  values.question = started.questions[0]!.id;
  values.set = ((await (await api.post("/api/sets", { data: { name: "Fuzzed set" } })).json()) as { id: string }).id;
  // The fuzzer is no admin: every admin route is its 404, whatever the id.
  values.report = crypto.randomUUID();
});

test.afterAll(async () => {
  test.info().annotations.push({ type: "fuzz requests", description: String(sent) });
  await api.dispose();
});

type Case = { method: string; path: string; headers: Record<string, string>; body?: string; what: string };

// ---- Generators of each part of a request ----

const cursorLike = fc
  .record(
    {
      mode: fc.constantFrom("rank", "topic", "edited", "started", "x"),
      key: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(2 ** 31, 1e308, -8.64e15), fc.string()),
      slug: fc.oneof(fc.uuid(), fc.string()),
    },
    { requiredKeys: [] },
  )
  .map((c) => Buffer.from(JSON.stringify(c)).toString("base64url"));
const queryValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
  fc.constantFrom("", "-1", "1e9", "1e309", "null", "%", "%%", "'", "\\", "\u0000", "a".repeat(5_000)),
  cursorLike,
  anyDestination,
);
const query = fc
  .dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), queryValue, { maxKeys: 4 })
  .map((q) => new URLSearchParams(q).toString());

const segment = fc.oneof(
  fc.constantFrom(
    "%",
    "%f",
    "%ff",
    "%FF%FE",
    "%c0%af",
    "%e0%80%af",
    "%E0%A4%A",
    "%ed%a0%80",
    "%f4%90%80%80",
    "%%",
    "%zz",
    "%00",
    "%2e%2e",
    "%2f",
    "%5c",
    ".",
    "..",
    "",
    "~",
    "%20",
    "a%",
    "%C3",
    "%u0041",
  ),
  fc.string({ unit: "binary", maxLength: 30 }).map(encodeURIComponent),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[^\x21-\x7e]|[/?#]/g, "")),
  fc.integer({ min: 200, max: 8_000 }).map((n) => "x".repeat(n)),
  fc.uuid(),
);

const cookieValue = fc.oneof(
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[;\r\n]/g, "")),
  fc.constantFrom(
    "",
    "%",
    "%ff",
    "not a url",
    "javascript:alert(1)",
    "//evil.example",
    "a".repeat(6_000),
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z",
  ),
);
const cookieName = fc.constantFrom(
  "next-auth.session-token",
  "next-auth.callback-url",
  "next-auth.csrf-token",
  "__Secure-next-auth.session-token",
  "__Host-next-auth.csrf-token",
  "theme",
  "a",
  "",
);
/** The Cookie header: usually the real session, with garbage cookies around it (or in its place). */
const cookies = fc
  .record({
    keepSession: fc.boolean(),
    extra: fc.array(fc.tuple(cookieName, cookieValue), { maxLength: 4 }),
    raw: fc.constantFrom("", ";;;", "=x", "a", " ; = ; "),
  })
  .map(({ keepSession, extra, raw }) =>
    [...extra.map(([n, v]) => `${n}=${v}`), keepSession ? sessionCookie : "", raw].filter(Boolean).join("; "),
  );

const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, "")),
  fc.constantFrom(
    "",
    "1",
    "0",
    "{",
    "[]",
    "null",
    "*/*",
    "gzip",
    "br, gzip;q=-1",
    "bytes=0-0,1-",
    "bytes=999999999-",
    '"*"',
    'W/"x"',
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "text/x-component",
  ),
  fc.constantFrom(
    '["",{"children":["__PAGE__",{}]},null,null,true]',
    "%5B%22%22%5D",
    "middleware:middleware:middleware:middleware:middleware",
    "/_next/data/x.json",
    "https://evil.example",
    "null",
  ),
);
const headerName = fc.constantFrom(
  "accept",
  "accept-encoding",
  "accept-language",
  "origin",
  "referer",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-request-id",
  "if-none-match",
  "if-modified-since",
  "range",
  "cache-control",
  "next-action",
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
  "next-hmr-refresh",
  "x-middleware-subrequest",
  "x-middleware-prefetch",
  "x-nextjs-data",
  "purpose",
  "x-mockroom-client-ip",
  "x-mockroom-path",
  "x-mockroom-invalid-address",
  "x-nonce",
  "x-bench-route",
  "content-encoding",
);
const headers = fc.dictionary(headerName, headerValue, { maxKeys: 3 });

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/merge-patch+json",
  "",
);
function body(valid: unknown) {
  const mutated =
    valid && typeof valid === "object"
      ? fc
          .record(
            Object.fromEntries(
              Object.keys(valid).map((key) => [
                key,
                fc.oneof(fc.jsonValue(), fc.constantFrom("\u0000", "a\u0000b", 1e308, -(2 ** 31) - 1, 2 ** 63)),
              ]),
            ),
            { requiredKeys: [] },
          )
          .map((v) => JSON.stringify(v))
      : fc.constant("{}");
  const notJson = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "{",
      "[1,",
      '{"a":',
      "null",
      "\u0000",
      '{"content": "\\ud800"}',
      '{"content": "a\\u0000b"}',
      "1e309",
      "[]".repeat(2000),
      "[".repeat(20_000),
      "--x\r\n\r\n",
    ),
  );
  return fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v) ?? "null"),
    mutated,
    notJson,
    fc.constant(JSON.stringify(valid ?? {})),
  );
}

/** One request for a route: a valid base, then one to three parts replaced by generated ones. */
function caseFor(route: string, basePath: string, validBody: unknown): fc.Arbitrary<Case> {
  const method = route.startsWith("PAGE ") ? "GET" : route.split(" ")[0]!;
  const parts = fc.subarray(
    method === "GET" ? ["query", "path", "cookie", "header"] : ["query", "path", "cookie", "header", "body"],
    { minLength: 1, maxLength: 3 },
  );
  return fc
    .record({ parts, query, segment, segmentAt: fc.nat(), cookies, headers, body: body(validBody), contentType })
    .map((r) => {
      let path = basePath;
      const base: Record<string, string> = { cookie: sessionCookie, origin };
      const out: Case = { method, path, headers: base, what: r.parts.join("+") };
      if (r.parts.includes("path")) {
        const segments = path.split("?")[0]!.split("/");
        const at = 1 + (r.segmentAt % Math.max(1, segments.length - 1));
        segments[at] = r.segment;
        path = segments.join("/") + (path.includes("?") ? path.slice(path.indexOf("?")) : "");
      }
      if (r.parts.includes("query") && r.query) path += (path.includes("?") ? "&" : "?") + r.query;
      if (r.parts.includes("cookie")) base.cookie = r.cookies;
      if (r.parts.includes("header")) Object.assign(base, r.headers);
      if (method !== "GET") {
        out.body = r.parts.includes("body") ? r.body : JSON.stringify(validBody ?? {});
        base["content-type"] = r.parts.includes("body") ? r.contentType : "application/json";
      }
      out.path = path;
      return out;
    });
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string } | { error: string };

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(c: Case): Promise<Answer> {
  return new Promise((resolve) => {
    let request: http.ClientRequest;
    try {
      const headers =
        c.body === undefined ? c.headers : { ...c.headers, "content-length": String(Buffer.byteLength(c.body)) };
      // The path exactly as generated (a URL string would be normalised first: "/api/../x" sent as "/x").
      const { hostname, port } = new URL(origin);
      request = http.request(
        { hostname, port, path: c.path, method: c.method, headers, agent, timeout: 30_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.length < 64 && chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          res.on("error", (error) => resolve({ error: error.message }));
        },
      );
    } catch (error) {
      // A request Node's client itself refuses to send (an invalid header value): nothing reached the server.
      resolve({ status: 0, headers: {}, body: (error as Error).message });
      return;
    }
    request.on("timeout", () => request.destroy(new Error("no answer in 30 s")));
    request.on("error", (error) => resolve({ error: error.message }));
    request.end(c.body);
  });
}

/** What is wrong with an answer, or null. */
function problem(route: string, c: Case, answer: Answer): string | null {
  if ("error" in answer) return `connection failed: ${answer.error}`;
  if (answer.status === 0) return null; // refused by the client library, never sent
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (!answer.headers["x-request-id"]) return "no x-request-id";
  if (answer.headers["x-content-type-options"] !== "nosniff") return "no security headers";
  const apiRoute = c.path.startsWith("/api/") && !route.startsWith("PAGE ");
  if (apiRoute && answer.status >= 400) {
    try {
      const parsed = JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code !== "string" || typeof parsed.error.message !== "string")
        return "error body without code and message";
    } catch {
      return `HTTP ${answer.status} body is not JSON: ${answer.body.slice(0, 80)}`;
    }
  }
  if (!apiRoute && answer.status >= 400 && !answer.headers["content-security-policy"])
    return `HTTP ${answer.status} page without a CSP`;
  return null;
}

const routes = Object.entries(RULES);
// Pages render HTML (tens of ms each): they get a quarter of an API route's share of the cases.
const weight = (route: string) => (route.startsWith("PAGE ") ? 1 : 4);
const totalWeight = routes.reduce((sum, [route]) => sum + weight(route), 0);

for (const [index, [route, rule]] of routes.entries()) {
  test(`fuzz ${route}`, async () => {
    const runs = Math.ceil((TOTAL_CASES * weight(route)) / totalWeight);
    const basePath = rule.path.replace(/:(\w+)/g, (_, name: string) => values[name]!);
    const cases = fc.sample(caseFor(route, basePath, rule.body), { numRuns: runs, seed: SEED + index });
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const found = problem(route, c, await send(c));
        sent++;
        if (found && failures.length < 10) {
          const shown = Object.fromEntries(
            Object.entries(c.headers).map(([name, value]) => [
              name,
              name === "cookie" ? value.replace(sessionCookie, "<session>").slice(0, 200) : value.slice(0, 120),
            ]),
          );
          failures.push(
            `${found} :: ${c.what} ${c.method} ${c.path.slice(0, 200)} headers=${JSON.stringify(shown)} body=${JSON.stringify(c.body)?.slice(0, 150)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures, `${route}: ${runs} cases with seed ${SEED + index}`).toEqual([]);
  });
}
