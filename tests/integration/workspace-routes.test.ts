// Every notes/practice/bookmark/set/review/account route, called through its real handler on a real
// database, as nobody, as another user and as the owner, each with a real session cookie.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as notes from "@/app/api/notes/route";
import * as note from "@/app/api/questions/[slug]/note/route";
import * as practice from "@/app/api/questions/[slug]/practice/route";
import * as versions from "@/app/api/questions/[slug]/practice/versions/route";
import * as practiceRating from "@/app/api/questions/[slug]/practice/rating/route";
import * as bookmark from "@/app/api/questions/[slug]/bookmark/route";
import * as bookmarks from "@/app/api/bookmarks/route";
import * as sets from "@/app/api/sets/route";
import * as set from "@/app/api/sets/[id]/route";
import * as setQuestion from "@/app/api/sets/[id]/questions/[slug]/route";
import * as setInterview from "@/app/api/sets/[id]/interview/route";
import * as review from "@/app/api/review/route";
import * as reviewItem from "@/app/api/review/[slug]/route";
import * as exportRoute from "@/app/api/me/export/route";
import * as importRoute from "@/app/api/me/import/route";
import * as me from "@/app/api/me/route";
import type { SessionUser } from "@/lib/data/users";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

// The signed-in user: requests carry a real session cookie for them, as the browser sends it.
let current: SessionUser | null = null;
let signedInAt = () => Math.floor(Date.now() / 1000);

/** One session per user and sign-in time, kept like a browser keeps its cookie (also after the account is gone). */
const cookies = new Map<string, string>();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(
  handler: unknown,
  method: string,
  url: string,
  params: Record<string, string> = {},
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (current) {
    const key = `${current.id} ${signedInAt()}`;
    if (!cookies.has(key)) cookies.set(key, (await sessionCookieFor(current.id, { signedInAt: signedInAt() })).cookie);
    (init.headers as Record<string, string>).cookie = cookies.get(key)!;
  }
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

const as = (user: SessionUser | null) => {
  current = user;
};

let owner: SessionUser & { password: string };
let other: SessionUser & { password: string };
let setId: string;

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  owner = await userFactory();
  other = await userFactory();
  as(owner);
  expect(
    (
      await call(
        note.PUT,
        "PUT",
        "/api/questions/queryset-laziness/note",
        { slug: "queryset-laziness" },
        { content: "owner's secret note", revision: 0 },
      )
    ).status,
  ).toBe(200);
  const created = await call(sets.POST, "POST", "/api/sets", {}, { name: "Owner set", questions: ["csrf-protection"] });
  expect(created.status).toBe(201);
  setId = ((await created.json()) as { id: string }).id;
  expect((await call(reviewItem.PUT, "PUT", "/api/review/csrf-protection", { slug: "csrf-protection" })).status).toBe(
    200,
  );
});

const slug = { slug: "queryset-laziness" };
// [name, handler, method, url, params, body]
const routes: [string, unknown, string, string, Record<string, string>, unknown?][] = [
  ["GET notes", notes.GET, "GET", "/api/notes?q=secret", {}],
  ["GET note", note.GET, "GET", "/api/questions/queryset-laziness/note", slug],
  ["PUT note", note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, { content: "x", revision: 1 }],
  ["DELETE note", note.DELETE, "DELETE", "/api/questions/queryset-laziness/note", slug],
  ["GET practice", practice.GET, "GET", "/api/questions/queryset-laziness/practice", slug],
  [
    "PUT practice",
    practice.PUT,
    "PUT",
    "/api/questions/queryset-laziness/practice",
    slug,
    { content: "x", revision: 0 },
  ],
  ["POST version", versions.POST, "POST", "/api/questions/queryset-laziness/practice/versions", slug, { content: "x" }],
  [
    "PUT rating",
    practiceRating.PUT,
    "PUT",
    "/api/questions/queryset-laziness/practice/rating",
    slug,
    { rating: "good" },
  ],
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
    [
      "PUT set question",
      setQuestion.PUT,
      "PUT",
      () => `/api/sets/${setId}/questions/queryset-laziness`,
      () => ({ id: setId, slug: "queryset-laziness" }),
    ],
    [
      "DELETE set question",
      setQuestion.DELETE,
      "DELETE",
      () => `/api/sets/${setId}/questions/csrf-protection`,
      () => ({ id: setId, slug: "csrf-protection" }),
    ],
    ["POST set interview", setInterview.POST, "POST", () => `/api/sets/${setId}/interview`, () => ({ id: setId })],
    ["GET note", note.GET, "GET", () => "/api/questions/queryset-laziness/note", () => slug],
    ["DELETE note", note.DELETE, "DELETE", () => "/api/questions/queryset-laziness/note", () => slug],
    [
      "POST review",
      reviewItem.POST,
      "POST",
      () => "/api/review/csrf-protection",
      () => ({ slug: "csrf-protection" }),
      { rating: "good" },
    ],
    [
      "DELETE review",
      reviewItem.DELETE,
      "DELETE",
      () => "/api/review/csrf-protection",
      () => ({ slug: "csrf-protection" }),
    ],
  ];

  it.each(ownersOnly)("%s on the owner's data answers 404", async (_name, handler, method, url, params, body) => {
    as(other);
    const response = await call(handler, method, url(), params(), body);
    expect(response.status).toBe(404);
  });

  it("sees none of the owner's data in lists, search or export", async () => {
    as(other);
    for (const [handler, url] of [
      [notes.GET, "/api/notes?q=secret"],
      [sets.GET, "/api/sets"],
      [review.GET, "/api/review"],
      [exportRoute.GET, "/api/me/export"],
    ] as const) {
      const text = await (await call(handler, "GET", url)).text();
      expect(text).not.toContain("secret note");
      expect(text).not.toContain("Owner set");
      expect(text).not.toContain("csrf-protection");
    }
  });

  it("left the owner's data as it was", async () => {
    as(owner);
    expect(
      (
        (await (await call(note.GET, "GET", "/api/questions/queryset-laziness/note", slug)).json()) as {
          content: string;
        }
      ).content,
    ).toBe("owner's secret note");
    expect(
      (await (await call(set.GET, "GET", `/api/sets/${setId}`, { id: setId })).json()) as {
        name: string;
        questionCount: number;
      },
    ).toMatchObject({ name: "Owner set", questionCount: 1 });
  });
});

describe("the owner", () => {
  it("reads, searches, exports as both formats and sees a stale save refused with 409", async () => {
    as(owner);
    const list = (await (await call(notes.GET, "GET", "/api/notes?q=secr")).json()) as { items: { snippet: string }[] };
    expect(list.items[0]!.snippet).toContain("<mark>secret</mark>");
    const stale = await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, {
      content: "old",
      revision: 0,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: "CONFLICT" },
      current: { content: "owner's secret note", revision: 1 },
    });
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
    const bad = await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, {
      content: 5,
      revision: -1,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(
      "content",
    );
    expect(
      (
        await call(note.PUT, "PUT", "/api/questions/queryset-laziness/note", slug, {
          content: "x".repeat(100 * 1024 + 1),
          revision: 1,
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await call(practice.PUT, "PUT", "/api/questions/queryset-laziness/practice", slug, "content=x", {
          "content-type": "application/x-www-form-urlencoded",
        })
      ).status,
    ).toBe(415);
    expect((await call(set.GET, "GET", "/api/sets/not-a-uuid", { id: "not-a-uuid" })).status).toBe(404);
    expect((await call(note.GET, "GET", "/api/questions/..%2Fetc/note", { slug: "../etc" })).status).toBe(404);
    const name = await call(sets.POST, "POST", "/api/sets", {}, { name: "   " });
    expect(name.status).toBe(400);
    expect(((await name.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(
      "name",
    );
    expect((await call(sets.POST, "POST", "/api/sets", {}, { name: "x".repeat(81) })).status).toBe(400);
    expect((await call(notes.GET, "GET", "/api/notes?limit=1000")).status).toBe(400);
    expect((await call(exportRoute.GET, "GET", "/api/me/export?format=pdf")).status).toBe(400);
    expect(
      (
        await call(
          reviewItem.POST,
          "POST",
          "/api/review/csrf-protection",
          { slug: "csrf-protection" },
          { rating: "meh" },
        )
      ).status,
    ).toBe(400);
    expect((await call(me.DELETE, "DELETE", "/api/me", {}, { confirm: "yes" })).status).toBe(400);
    // An account that holds data is refused before its body is read; an empty one reads it and names the field.
    expect((await call(importRoute.POST, "POST", "/api/me/import", {}, { format: "something-else" })).status).toBe(409);
    as(await userFactory());
    const wrongFormat = await call(importRoute.POST, "POST", "/api/me/import", {}, { format: "something-else" });
    expect(wrongFormat.status).toBe(400);
    expect(((await wrongFormat.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(
      "format",
    );
  });

  it("refuses cross-site writes", async () => {
    as(owner);
    const response = await call(
      note.PUT,
      "PUT",
      "/api/questions/queryset-laziness/note",
      slug,
      { content: "x", revision: 1 },
      { origin: "https://evil.example", host: "localhost" },
    );
    expect(response.status).toBe(403);
  });
});

describe("the account", () => {
  it("is deleted with its password, and its leftover session then answers 401", async () => {
    const user = await userFactory();
    as(user);
    // One sign-in for the whole test: the browser keeps one cookie, also after the account is gone (a new second on
    // the clock would otherwise mint a new session, for a user who no longer exists).
    const at = Math.floor(Date.now() / 1000);
    signedInAt = () => at;
    try {
      const wrong = await call(
        me.DELETE,
        "DELETE",
        "/api/me",
        {},
        { confirm: "delete my account", password: "not the password" },
      );
      expect(wrong.status).toBe(400);
      expect(
        (await call(me.DELETE, "DELETE", "/api/me", {}, { confirm: "delete my account", password: user.password }))
          .status,
      ).toBe(204);
      expect(await db().user.findUnique({ where: { id: user.id } })).toBeNull();
      expect((await call(sets.GET, "GET", "/api/sets")).status).toBe(401);
    } finally {
      signedInAt = () => Math.floor(Date.now() / 1000);
    }
  });

  it("without a password is deleted only within minutes of signing in (the session cookie's signedInAt)", async () => {
    const user = await db().user.create({
      data: { email: `oauth-${crypto.randomUUID()}@example.test`, name: "OAuth" },
      select: { id: true, email: true, name: true, role: true, timeZone: true },
    });
    as(user);
    try {
      signedInAt = () => Math.floor(Date.now() / 1000) - 3_600;
      const stale = await call(me.DELETE, "DELETE", "/api/me", {}, { confirm: "delete my account" });
      expect(stale.status).toBe(403);
      expect(((await stale.json()) as { reauthenticate?: boolean }).reauthenticate).toBe(true);
      signedInAt = () => Math.floor(Date.now() / 1000) - 60;
      expect((await call(me.DELETE, "DELETE", "/api/me", {}, { confirm: "delete my account" })).status).toBe(204);
    } finally {
      signedInAt = () => Math.floor(Date.now() / 1000);
    }
  });
});
