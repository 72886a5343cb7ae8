// The authorization matrix's input: every page and API route in app/, found on disk, and the rule each
// one must follow. A route without a rule (or a rule without a route) fails tests/security/authorization.spec.ts,
// so a new route cannot ship without someone deciding who may use it.
import fs from "node:fs";
import path from "node:path";

export type Access =
  /** Anyone, signed in or not. */
  | "public"
  /** Any signed-in user, acting on their own data (no id of someone else's row in the URL). */
  | "signed-in"
  /** The URL names a row (interview, set): its owner only; anyone else signed in gets 404, anonymous 401 or sign-in. */
  | "owner"
  /** Admins only: anonymous callers get 401 or sign-in, everyone else signed in 404 (the route is not there for them). */
  | "admin"
  /** The catch-all for paths no route serves: 404 for everyone. */
  | "nothing";

export type Rule = {
  access: Access;
  /** The concrete path to request; placeholders :interview, :set, :question (id), :spoken (a written question's id), :feedback (the owner's AI feedback), :report, :slug, :company are filled in. */
  path: string;
  /** A body that passes validation, so the request reaches the ownership check. Rules run in this file's
   *  order (deletions last), so a write that creates a principal's own row comes before its read. */
  body?: unknown;
};

const ROUTE_ROOT = path.resolve(__dirname, "../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** "GET /api/interviews/[id]", "PAGE /interviews/[id]", ... for every route file under app/. */
export function discoverRoutes(root = ROUTE_ROOT): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") {
        const segments = path
          .relative(root, dir)
          .split(path.sep)
          .filter((s) => s && !/^\(.*\)$/.test(s)); // route groups add no segment
        const url = "/" + segments.join("/");
        if (entry.name === "page.tsx") found.push(`PAGE ${url}`);
        else {
          const source = fs.readFileSync(full, "utf8");
          for (const method of METHODS) {
            if (new RegExp(`export\\s+(?:async\\s+)?(?:const|function)\\s+${method}\\b`).test(source))
              found.push(`${method} ${url}`);
          }
        }
      }
    }
  };
  walk(root);
  return found.sort();
}

const answer = { content: "An answer written by its owner.", revision: 0 };

export const RULES: Record<string, Rule> = {
  // Pages
  "PAGE /": { access: "public", path: "/" },
  "PAGE /sign-in": { access: "public", path: "/sign-in" },
  "PAGE /sign-up": { access: "public", path: "/sign-up" },
  "PAGE /forgot-password": { access: "public", path: "/forgot-password" },
  // Without a token: the page says the link is not (or no longer) good.
  "PAGE /reset-password": { access: "public", path: "/reset-password" },
  "PAGE /questions": { access: "public", path: "/questions" },
  "PAGE /questions/[slug]": { access: "public", path: "/questions/:slug" },
  "PAGE /companies": { access: "public", path: "/companies" },
  "PAGE /status": { access: "public", path: "/status" },
  "PAGE /companies/[slug]": { access: "public", path: "/companies/:company" },
  "PAGE /account": { access: "signed-in", path: "/account" },
  "PAGE /dashboard": { access: "signed-in", path: "/dashboard" },
  "PAGE /notes": { access: "signed-in", path: "/notes" },
  "PAGE /review": { access: "signed-in", path: "/review" },
  "PAGE /sets": { access: "signed-in", path: "/sets" },
  "PAGE /interviews": { access: "signed-in", path: "/interviews" },
  "PAGE /interviews/new": { access: "signed-in", path: "/interviews/new" },
  "PAGE /interviews/compare": { access: "signed-in", path: "/interviews/compare?id=:interview&id=:interview" },
  "PAGE /interviews/[id]": { access: "owner", path: "/interviews/:interview" },
  "PAGE /interviews/[id]/review": { access: "owner", path: "/interviews/:interview/review" },
  "PAGE /sets/[id]": { access: "owner", path: "/sets/:set" },
  "PAGE /admin": { access: "admin", path: "/admin" },
  "PAGE /admin/reports": { access: "admin", path: "/admin/reports" },
  "PAGE /admin/questions": { access: "admin", path: "/admin/questions" },
  "PAGE /admin/questions/new": { access: "admin", path: "/admin/questions/new" },
  "PAGE /admin/questions/[slug]": { access: "admin", path: "/admin/questions/:slug" },
  "PAGE /admin/import": { access: "admin", path: "/admin/import" },
  "PAGE /admin/topics": { access: "admin", path: "/admin/topics" },
  "PAGE /admin/packs": { access: "admin", path: "/admin/packs" },
  "PAGE /admin/formats": { access: "admin", path: "/admin/formats" },
  "PAGE /admin/formats/[slug]": { access: "admin", path: "/admin/formats/:company" },

  // Public API and files
  "GET /python/[version]/[file]": { access: "public", path: "/python/:pyodide/worker.mjs" },
  "GET /sql/[version]/[file]": { access: "public", path: "/sql/:pglite/sql-worker.mjs" },
  "GET /api/ping": { access: "public", path: "/api/ping" },
  "GET /api/health": { access: "public", path: "/api/health" },
  "GET /api/openapi.json": { access: "public", path: "/api/openapi.json" },
  // Paths no route serves: a JSON 404 for everyone.
  "GET /api/[...path]": { access: "nothing", path: "/api/no/such/route" },
  "POST /api/[...path]": { access: "nothing", path: "/api/no/such/route", body: {} },
  "PUT /api/[...path]": { access: "nothing", path: "/api/no/such/route", body: {} },
  "PATCH /api/[...path]": { access: "nothing", path: "/api/no/such/route", body: {} },
  "DELETE /api/[...path]": { access: "nothing", path: "/api/no/such/route" },
  "GET /api/questions": { access: "public", path: "/api/questions" },
  "GET /api/questions/[slug]": { access: "public", path: "/api/questions/:slug" },
  "GET /api/topics": { access: "public", path: "/api/topics" },
  "GET /api/companies": { access: "public", path: "/api/companies" },
  "GET /api/companies/[slug]": { access: "public", path: "/api/companies/:company" },
  "GET /api/auth/[...nextauth]": { access: "public", path: "/api/auth/session" },
  // Without next-auth's CSRF token: it sends the caller to its sign-out page and nobody is signed out.
  "POST /api/auth/[...nextauth]": { access: "public", path: "/api/auth/signout" },
  // An invalid body on purpose: 400 shows the route is open without creating accounts.
  "POST /api/auth/register": { access: "public", path: "/api/auth/register", body: { email: "not an email" } },
  // Invalid bodies too: no reset email is sent and no reset link is tried by the matrix.
  "POST /api/auth/forgot-password": {
    access: "public",
    path: "/api/auth/forgot-password",
    body: { email: "not an email" },
  },
  "POST /api/auth/reset-password": { access: "public", path: "/api/auth/reset-password", body: {} },

  // The signed-in user's own data
  "GET /api/bookmarks": { access: "signed-in", path: "/api/bookmarks" },
  "GET /api/notes": { access: "signed-in", path: "/api/notes" },
  "GET /api/review": { access: "signed-in", path: "/api/review" },
  "GET /api/sets": { access: "signed-in", path: "/api/sets" },
  "POST /api/sets": { access: "signed-in", path: "/api/sets", body: { name: "A set of one's own" } },
  "GET /api/interviews": { access: "signed-in", path: "/api/interviews" },
  "POST /api/interviews": {
    access: "signed-in",
    path: "/api/interviews",
    body: { company: ":company", mode: "practice" },
  },
  "GET /api/me/export": { access: "signed-in", path: "/api/me/export" },
  "POST /api/me/import": { access: "signed-in", path: "/api/me/import", body: { version: -1 } },
  // Without the confirmation phrase: 400, so no principal's account is deleted by the matrix.
  "DELETE /api/me": { access: "signed-in", path: "/api/me", body: {} },
  // Without the current password / without saying which sessions: 400, so no principal's password changes and
  // no principal is signed out by the matrix.
  "PUT /api/me/password": { access: "signed-in", path: "/api/me/password", body: {} },
  "DELETE /api/me/sessions": { access: "signed-in", path: "/api/me/sessions", body: {} },
  "PUT /api/questions/[slug]/bookmark": { access: "signed-in", path: "/api/questions/:slug/bookmark" },
  "DELETE /api/questions/[slug]/bookmark": { access: "signed-in", path: "/api/questions/:slug/bookmark" },
  "PUT /api/questions/[slug]/note": {
    access: "signed-in",
    path: "/api/questions/:slug/note",
    body: { content: "mine", revision: 0 },
  },
  "GET /api/questions/[slug]/note": { access: "signed-in", path: "/api/questions/:slug/note" },
  "DELETE /api/questions/[slug]/note": { access: "signed-in", path: "/api/questions/:slug/note" },
  "PUT /api/questions/[slug]/practice": {
    access: "signed-in",
    path: "/api/questions/:slug/practice",
    body: { content: "draft", revision: 0 },
  },
  // Audio in, text out, kept nowhere: the matrix's JSON gets a 415.
  "POST /api/transcriptions": { access: "signed-in", path: "/api/transcriptions", body: {} },
  "POST /api/ai/tailor": {
    access: "signed-in",
    path: "/api/ai/tailor",
    body: { jobDescription: "A backend role: PostgreSQL, Python and caching, on call one week in six." },
  },
  "GET /api/questions/[slug]/practice": { access: "signed-in", path: "/api/questions/:slug/practice" },
  // Everyone records their own practice answer; only its owner (who recorded one before the matrix) hears it.
  "PUT /api/questions/[slug]/practice/recording": {
    access: "signed-in",
    path: "/api/questions/:slug/practice/recording?durationMs=2000",
    body: {},
  },
  // Everyone asks about their own practice answer; the owner saved one before the matrix.
  "POST /api/questions/[slug]/practice/feedback": {
    access: "signed-in",
    path: "/api/questions/:slug/practice/feedback",
  },
  "GET /api/questions/[slug]/practice/recording": {
    access: "owner",
    path: "/api/questions/:slug/practice/recording",
  },
  "DELETE /api/questions/[slug]/practice/recording": {
    access: "owner",
    path: "/api/questions/:slug/practice/recording",
  },
  "PUT /api/questions/[slug]/practice/rating": {
    access: "signed-in",
    path: "/api/questions/:slug/practice/rating",
    body: { rating: "good" },
  },
  "POST /api/questions/[slug]/practice/versions": {
    access: "signed-in",
    path: "/api/questions/:slug/practice/versions",
    body: { content: "v1" },
  },
  "PUT /api/review/[slug]": { access: "signed-in", path: "/api/review/:slug" },
  "POST /api/review/[slug]": { access: "signed-in", path: "/api/review/:slug", body: { rating: "good" } },
  "DELETE /api/review/[slug]": { access: "signed-in", path: "/api/review/:slug" },
  // Each principal reports the question once (the owner's second is a 409: one open report per question).
  "POST /api/questions/[slug]/report": {
    access: "signed-in",
    path: "/api/questions/:slug/report",
    body: { reason: "typo", details: "Sent by the authorization matrix." },
  },

  // Admins only
  "GET /api/admin/reports": { access: "admin", path: "/api/admin/reports" },
  "GET /api/admin/questions": { access: "admin", path: "/api/admin/questions" },
  "GET /api/admin/questions/[slug]": { access: "admin", path: "/api/admin/questions/:slug" },
  // Invalid bodies on purpose: 400 shows the admin got through, and the matrix changes no question.
  "POST /api/admin/questions": { access: "admin", path: "/api/admin/questions", body: {} },
  "GET /api/admin/topics": { access: "admin", path: "/api/admin/topics" },
  "GET /api/admin/packs": { access: "admin", path: "/api/admin/packs" },
  "POST /api/admin/packs": { access: "admin", path: "/api/admin/packs", body: {} },
  "GET /api/admin/packs/[name]": { access: "admin", path: "/api/admin/packs/sql" },
  "PUT /api/admin/packs/[name]": { access: "admin", path: "/api/admin/packs/no-such-pack", body: {} },
  "GET /api/admin/export": { access: "admin", path: "/api/admin/export" },
  "POST /api/admin/topics": { access: "admin", path: "/api/admin/topics", body: {} },
  "PUT /api/admin/topics/[slug]": { access: "admin", path: "/api/admin/topics/no-such-topic", body: {} },
  "POST /api/admin/topics/[slug]/revisions/[number]/restore": {
    access: "admin",
    path: "/api/admin/topics/no-such-topic/revisions/1/restore",
    body: {},
  },
  "POST /api/admin/formats/[slug]/revisions/[number]/restore": {
    access: "admin",
    path: "/api/admin/formats/:company/revisions/1/restore",
    body: {},
  },
  "PUT /api/admin/formats/[slug]": { access: "admin", path: "/api/admin/formats/:company", body: {} },
  // Without a source: 400, nothing imported.
  "POST /api/admin/import": { access: "admin", path: "/api/admin/import", body: {} },
  "PUT /api/admin/questions/[slug]": { access: "admin", path: "/api/admin/questions/:slug", body: {} },
  "PUT /api/admin/questions/[slug]/problem": { access: "admin", path: "/api/admin/questions/:slug/problem", body: {} },
  "PUT /api/admin/questions/[slug]/archive": { access: "admin", path: "/api/admin/questions/:slug/archive", body: {} },
  "POST /api/admin/questions/[slug]/revisions/[number]/restore": {
    access: "admin",
    path: "/api/admin/questions/:slug/revisions/1/restore",
    body: {},
  },
  "PATCH /api/admin/reports/[id]": {
    access: "admin",
    path: "/api/admin/reports/:report",
    body: { status: "resolved", reply: "Closed by the authorization matrix." },
  },

  // Rows with an owner
  "GET /api/interviews/[id]": { access: "owner", path: "/api/interviews/:interview" },
  "GET /api/interviews/[id]/tests": { access: "owner", path: "/api/interviews/:interview/tests" },
  "PUT /api/interviews/[id]/answers/[questionId]": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:question",
    body: answer,
  },
  "PUT /api/interviews/[id]/answers/[questionId]/flag": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:question/flag",
    body: { flagged: true },
  },
  "PUT /api/interviews/[id]/answers/[questionId]/rating": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:question/rating",
    body: { rating: "good" },
  },
  "PUT /api/interviews/[id]/answers/[questionId]/tests": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:question/tests",
    body: { compileError: null, results: [], stdout: "", stderr: "" },
  },
  // A recording's body is audio: the matrix's JSON gets a 415, after the ownership check.
  "PUT /api/interviews/[id]/answers/[questionId]/recording": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:spoken/recording?durationMs=2000",
    body: {},
  },
  "GET /api/interviews/[id]/answers/[questionId]/recording": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:spoken/recording",
  },
  "DELETE /api/interviews/[id]/answers/[questionId]/recording": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:spoken/recording",
  },
  // AI feedback comes in the review: on the owner's running practice interview it is a 409, past ownership.
  "POST /api/interviews/[id]/answers/[questionId]/feedback": {
    access: "owner",
    path: "/api/interviews/:interview/answers/:spoken/feedback",
  },
  "POST /api/feedback/[id]/follow-up": {
    access: "owner",
    path: "/api/feedback/:feedback/follow-up",
    body: { answer: "I would start from the query plan." },
  },
  "PUT /api/interviews/[id]/current": {
    access: "owner",
    path: "/api/interviews/:interview/current",
    body: { questionId: ":question" },
  },
  "POST /api/interviews/[id]/finish": { access: "owner", path: "/api/interviews/:interview/finish" },
  "POST /api/interviews/[id]/abandon": { access: "owner", path: "/api/interviews/:interview/abandon" },
  "GET /api/sets/[id]": { access: "owner", path: "/api/sets/:set" },
  "PATCH /api/sets/[id]": { access: "owner", path: "/api/sets/:set", body: { name: "Renamed by its owner" } },
  "DELETE /api/sets/[id]": { access: "owner", path: "/api/sets/:set" },
  "POST /api/sets/[id]/interview": { access: "owner", path: "/api/sets/:set/interview" },
  "PUT /api/sets/[id]/questions/[slug]": { access: "owner", path: "/api/sets/:set/questions/:slug" },
  "DELETE /api/sets/[id]/questions/[slug]": { access: "owner", path: "/api/sets/:set/questions/:slug" },
};
