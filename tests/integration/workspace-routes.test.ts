// Every notes/practice/bookmark/set/review/account route, called through its real handler on a real
// database, as nobody, as another user and as the owner. The session is the only thing replaced.
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/data/users";
import { db } from "@/lib/db";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { userFactory } from "../factories";

const session = vi.hoisted(() => ({ user: null as SessionUser | null, signedInAt: null as number | null }));
vi.mock("@/lib/session", async () => {
  const { AppError } = await import("@/lib/errors");
  return {
    getCurrentUser: async () => session.user,
    getSignedInAt: async () => session.signedInAt,
    requireApiUser: async () => {
      if (!session.user) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
      return session.user;
    },
  };
});

const notes = await import("@/app/api/notes/route");
const note = await import("@/app/api/questions/[slug]/note/route");
const practice = await import("@/app/api/questions/[slug]/practice/route");
const versions = await import("@/app/api/questions/[slug]/practice/versions/route");
const practiceRating = await import("@/app/api/questions/[slug]/practice/rating/route");
const bookmark = await import("@/app/api/questions/[slug]/bookmark/route");
const bookmarks = await import("@/app/api/bookmarks/route");
const sets = await import("@/app/api/sets/route");
const set = await import("@/app/api/sets/[id]/route");
const setQuestion = await import("@/app/api/sets/[id]/questions/[slug]/route");
const setInterview = await import("@/app/api/sets/[id]/interview/route");
const review = await import("@/app/api/review/route");
const reviewItem = await import("@/app/api/review/[slug]/route");
const exportRoute = await import("@/app/api/me/export/route");
const importRoute = await import("@/app/api/me/import/route");
const me = await import("@/app/api/me/route");

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, method: string, url: string, params: Record<string, string> = {}, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

const as = (user: SessionUser | null) => {
  session.user = user;
};

let owner: SessionUser & { password: string };
let other: SessionUser & { password: string };
let setId: string;

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  owner = await userFactory();
  other = await userFactory();
  as(owner);
  expect((await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", { slug: "queryset-laziness" }, { content: "owner's secret note", revision: 0 })).status).toBe(200);
  const created = await call(sets.POST, "POST", "/api/sets", {}, { name: "Owner set", questions: ["csrf-protection"] });
  expect(created.status).toBe(201);
  setId = ((await created.json()) as { id: string }).id;
  expect((await call(reviewItem.PUT, "PUT", "/api/review/csrf-protection", { slug: "csrf-protection" })).status).toBe(200);
});

const slug = { slug: "queryset-laziness" };
// [name, handler, method, url, params, body]
const routes: [string, unknown, string, string, Record<string, string>, unknown?][] = [
  ["GET notes", notes.GET, "GET", "/api/notes?q=secret", {}],
  ["GET note", note.GET, "GET", "/api/questions/queryset-laziness/note", slug],
  ["PUT note", note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, { content: "x", revision: 1 }],
  ["DELETE note", note.DELETE, "DELETE", "/api/questions/queryset-laziness/note", slug],
  ["GET practice", practice.GET, "GET", "/api/questions/queryset-laziness/practice", slug],
  ["PUT practice", practice.PUT, "PUT", "/api/questions/queryset-laziness/practice", slug, { content: "x", revision: 0 }],
  ["POST version", versions.POST, "POST", "/api/questions/queryset-laziness/practice/versions", slug, { content: "x" }],
  ["PUT rating", practiceRating.PUT, "PUT", "/api/questions/queryset-laziness/practice/rating", slug, { rating: "good" }],
  ["PUT bookmark", bookmark.PUT, "PUT", "/api/questions/queryset-laziness/bookmark", slug],
  ["DELETE bookmark", bookmark.DELETE, "DELETE", "/api/questions/queryset-laziness/bookmark", slug],
  ["GET bookmarks", bookmarks.GET, "GET", "/api/bookmarks", {}],
  ["GET sets", sets.GET, "GET", "/api/sets", {}],
  ["POST sets", sets.POST, "POST", "/api/sets", {}, { name: "Another" }],
  ["GET review", review.GET, "GET", "/api/review", {}],
  ["PUT review", reviewItem.PUT, "PUT", "/api/review/queryset-laziness", slug],
  ["GET export", exportRoute.GET, "GET", "/api/me/export", {}],
  ["POST import", importRoute.POST, "POST", "/api/me/import", {}, {}],
  ["DELETE me", me.DELETE, "DELETE", "/api/me", {}, { confirm: "delete my account" }],
];

describe("signed out", () => {
  it.each(routes)("%s answers 401", async (_name, handler, method, url, params, body) => {
    as(null);
    const response = await call(handler, method, url, params, body);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  });
});

describe("another user", () => {
  const ownersOnly: [string, unknown, string, () => string, () => Record<string, string>, unknown?][] = [
    ["GET set", set.GET, "GET", () => `/api/sets/${setId}`, () => ({ id: setId })],
    ["PATCH set", set.PATCH, "PATCH", () => `/api/sets/${setId}`, () => ({ id: setId }), { name: "Stolen" }],
    ["DELETE set", set.DELETE, "DELETE", () => `/api/sets/${setId}`, () => ({ id: setId })],
    ["PUT set question", setQuestion.PUT, "PUT", () => `/api/sets/${setId}/questions/queryset-laziness`, () => ({ id: setId, slug: "queryset-laziness" })],
    ["DELETE set question", setQuestion.DELETE, "DELETE", () => `/api/sets/${setId}/questions/csrf-protection`, () => ({ id: setId, slug: "csrf-protection" })],
    ["POST set interview", setInterview.POST, "POST", () => `/api/sets/${setId}/interview`, () => ({ id: setId })],
    ["GET note", note.GET, "GET", () => "/api/questions/queryset-laziness/note", () => slug],
    ["DELETE note", note.DELETE, "DELETE", () => "/api/questions/queryset-laziness/note", () => slug],
    ["POST review", reviewItem.POST, "POST", () => "/api/review/csrf-protection", () => ({ slug: "csrf-protection" }), { rating: "good" }],
    ["DELETE review", reviewItem.DELETE, "DELETE", () => "/api/review/csrf-protection", () => ({ slug: "csrf-protection" })],
  ];

  it.each(ownersOnly)("%s on the owner's data answers 404", async (_name, handler, method, url, params, body) => {
    as(other);
    const response = await call(handler, method, url(), params(), body);
    expect(response.status).toBe(404);
  });

  it("sees none of the owner's data in lists, search or export", async () => {
    as(other);
    for (const [handler, url] of [[notes.GET, "/api/notes?q=secret"], [sets.GET, "/api/sets"], [review.GET, "/api/review"], [exportRoute.GET, "/api/me/export"]] as const) {
      const text = await (await call(handler, "GET", url)).text();
      expect(text).not.toContain("secret note");
      expect(text).not.toContain("Owner set");
      expect(text).not.toContain("csrf-protection");
    }
  });

  it("left the owner's data as it was", async () => {
    as(owner);
    expect(((await (await call(note.GET, "GET", "/api/questions/queryset-laziness/note", slug)).json()) as { content: string }).content).toBe("owner's secret note");
    expect(((await (await call(set.GET, "GET", `/api/sets/${setId}`, { id: setId })).json()) as { name: string; questionCount: number })).toMatchObject({ name: "Owner set", questionCount: 1 });
  });
});

describe("the owner", () => {
  it("reads, searches, exports as both formats and sees a stale save refused with 409", async () => {
    as(owner);
    const list = (await (await call(notes.GET, "GET", "/api/notes?q=secr")).json()) as { items: { snippet: string }[] };
    expect(list.items[0]!.snippet).toContain("<mark>secret</mark>");
    const stale = await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, { content: "old", revision: 0 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "CONFLICT" }, current: { content: "owner's secret note", revision: 1 } });
    const json = await call(exportRoute.GET, "GET", "/api/me/export?format=json");
    expect(json.headers.get("content-disposition")).toMatch(/attachment; filename="mockroom-export-.*\.json"/);
    expect(await json.text()).toContain("owner's secret note");
    const markdown = await call(exportRoute.GET, "GET", "/api/me/export?format=markdown");
    expect(markdown.headers.get("content-type")).toContain("text/markdown");
    expect(await markdown.text()).toContain("owner's secret note");
  });

  it("starts a practice interview from the set", async () => {
    as(owner);
    const response = await call(setInterview.POST, "POST", `/api/sets/${setId}/interview`, { id: setId });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await db().interview.count({ where: { id, userId: owner.id, setId } })).toBe(1);
  });
});

describe("bad input", () => {
  it("answers 400 with field messages, 413 past 100 KB, 415 for non-JSON and 404 for malformed ids", async () => {
    as(owner);
    const bad = await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, { content: 5, revision: -1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("content");
    expect((await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, { content: "x".repeat(100 * 1024 + 1), revision: 1 })).status).toBe(413);
    expect((await call(practice.PUT, "PUT", "/api/questions/queryset-laziness/practice", slug, "content=x", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await call(set.GET, "GET", "/api/sets/not-a-uuid", { id: "not-a-uuid" })).status).toBe(404);
    expect((await call(note.GET, "GET", "/api/questions/..%2Fetc/note", { slug: "../etc" })).status).toBe(404);
    const name = await call(sets.POST, "POST", "/api/sets", {}, { name: "   " });
    expect(name.status).toBe(400);
    expect(((await name.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("name");
    expect((await call(sets.POST, "POST", "/api/sets", {}, { name: "x".repeat(81) })).status).toBe(400);
    expect((await call(notes.GET, "GET", "/api/notes?limit=1000")).status).toBe(400);
    expect((await call(exportRoute.GET, "GET", "/api/me/export?format=pdf")).status).toBe(400);
    expect((await call(reviewItem.POST, "POST", "/api/review/csrf-protection", { slug: "csrf-protection" }, { rating: "meh" })).status).toBe(400);
    expect((await call(me.DELETE, "DELETE", "/api/me", {}, { confirm: "yes" })).status).toBe(400);
    expect((await call(importRoute.POST, "POST", "/api/me/import", {}, { format: "something-else" })).status).toBe(400);
  });

  it("refuses cross-site writes", async () => {
    as(owner);
    const response = await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, { content: "x", revision: 1 }, { origin: "https://evil.example", host: "localhost" });
    expect(response.status).toBe(403);
  });
});
