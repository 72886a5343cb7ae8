// Topics and interview formats edited in the admin area (issue #24), through their route handlers on a real
// database: admins only, the loader's rules, a 409 carrying the current row on a stale save, and the seed keeping
// an edited row until the files say the same.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as topics from "@/app/api/admin/topics/route";
import * as topic from "@/app/api/admin/topics/[slug]/route";
import * as format from "@/app/api/admin/formats/[slug]/route";
import * as formatRestore from "@/app/api/admin/formats/[slug]/revisions/[number]/restore/route";
import * as topicRestore from "@/app/api/admin/topics/[slug]/revisions/[number]/restore/route";
import { adminFormat, contentHistory } from "@/lib/data/content-admin";
import { db } from "@/lib/db/client";
import type { AdminFormat, AdminTopic } from "@/lib/schemas/content-admin";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

type User = { id: string };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(who: User | null, handler: unknown, method: string, url: string, params = {}, body?: unknown) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = (await sessionCookieFor(who.id)).cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

const content = () => readContent(path.resolve("tests/fixtures/content"));
const putFormat = (who: User | null, body: unknown) =>
  call(who, format.PUT, "PUT", "/api/admin/formats/acme", { slug: "acme" }, body);
const putTopic = (who: User | null, slug: string, body: unknown) =>
  call(who, topic.PUT, "PUT", `/api/admin/topics/${slug}`, { slug }, body);

let admin: User;
let user: User;

/** The format as the admin page reads it. */
const acme = async (): Promise<AdminFormat> => (await adminFormat("acme"))!;
/** What the editor sends: everything but the slug (in the path) and the edit mark (the server's). */
function bodyOf(format: AdminFormat): Omit<AdminFormat, "slug" | "editedAt"> {
  const body: Partial<AdminFormat> = { ...format };
  delete body.slug;
  delete body.editedAt;
  return body as Omit<AdminFormat, "slug" | "editedAt">;
}

beforeAll(async () => {
  await loadBank(db(), content());
  admin = await userFactory();
  await db().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  user = await userFactory();
});

describe("topics", () => {
  it("are for admins: 401 for a visitor, 404 for anyone else", async () => {
    expect((await call(null, topics.GET, "GET", "/api/admin/topics")).status).toBe(401);
    expect(
      (await call(user, topics.POST, "POST", "/api/admin/topics", {}, { slug: "x-y", name: "XY", order: 9 })).status,
    ).toBe(404);
    expect(
      (await putTopic(user, "alpha", { name: "Taken", order: 1, updatedAt: new Date().toISOString() })).status,
    ).toBe(404);
    expect(await db().topic.count()).toBe(2);
  });

  it("can be added once, renamed and reordered; a stale save is a 409 with the current topic", async () => {
    const created = await call(
      admin,
      topics.POST,
      "POST",
      "/api/admin/topics",
      {},
      { slug: "gamma", name: "Gamma Topic", order: 3 },
    );
    expect(created.status).toBe(201);
    expect(
      (await call(admin, topics.POST, "POST", "/api/admin/topics", {}, { slug: "gamma", name: "Again", order: 4 }))
        .status,
    ).toBe(409);
    const list = ((await (await call(admin, topics.GET, "GET", "/api/admin/topics")).json()) as { items: AdminTopic[] })
      .items;
    const alpha = list.find((t) => t.slug === "alpha")!;
    expect(alpha.questionCount).toBeGreaterThan(0);
    const saved = await putTopic(admin, "alpha", { name: "Alpha, renamed", order: 5, updatedAt: alpha.updatedAt });
    expect(saved.status).toBe(200);
    const stale = await putTopic(admin, "alpha", { name: "Stale", order: 1, updatedAt: alpha.updatedAt });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: AdminTopic }).current.name).toBe("Alpha, renamed");
    expect((await putTopic(admin, "no-such", { name: "Nope", order: 1, updatedAt: alpha.updatedAt })).status).toBe(404);
  });

  it.each([
    ["a name too short", { name: "A", order: 1 }],
    ["a negative order", { name: "Alpha", order: -1 }],
    ["no updatedAt", { name: "Alpha", order: 1, updatedAt: undefined }],
    ["an updatedAt that is no time", { name: "Alpha", order: 1, updatedAt: "yesterday" }],
    ["an extra field", { name: "Alpha", order: 1, slug: "renamed" }],
  ])("refuse %s with 400", async (_, body) => {
    const row = await db().topic.findUniqueOrThrow({ where: { slug: "alpha" } });
    const response = await putTopic(admin, "alpha", { updatedAt: row.updatedAt.toISOString(), ...body });
    expect(response.status).toBe(400);
    expect((await db().topic.findUniqueOrThrow({ where: { slug: "alpha" } })).name).toBe(row.name);
  });
});

describe("interview formats", () => {
  it("are for admins: 401 for a visitor, 404 for anyone else", async () => {
    const current = await acme();
    expect((await putFormat(null, bodyOf(current))).status).toBe(401);
    expect((await putFormat(user, { ...bodyOf(current), name: "Taken over" })).status).toBe(404);
    expect((await acme()).name).toBe("Acme");
  });

  it("save weights, mix and length; a stale save is a 409 with the current format", async () => {
    const current = await acme();
    const response = await putFormat(admin, {
      ...bodyOf(current),
      durationMinutes: 45,
      topicWeights: { alpha: 1, beta: 3 },
      difficultyMix: { easy: 0.2, medium: 0.5, hard: 0.3 },
    });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as AdminFormat;
    expect(saved).toMatchObject({ durationMinutes: 45, topicWeights: { alpha: 1, beta: 3 } });
    expect(saved.editedAt).not.toBeNull();
    const stale = await putFormat(admin, { ...bodyOf(current), durationMinutes: 20 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: AdminFormat }).current.durationMinutes).toBe(45);
  });

  it.each([
    ["a topic that does not exist", { topicWeights: { alpha: 1, nowhere: 2 } }, "topicWeights"],
    ["no topic at all", { topicWeights: {} }, "topicWeights"],
    ["a mix that does not add up to 1", { difficultyMix: { easy: 0.5, medium: 0.5, hard: 0.5 } }, "difficultyMix"],
    ["a negative weight", { topicWeights: { alpha: -1 } }, "topicWeights.alpha"],
    ["too many questions", { questionCount: 500 }, "questionCount"],
    [
      "a style note with an open fence",
      { styleNotes: "Notes long enough to pass the length:\n```python\nx = 1" },
      "styleNotes",
    ],
  ])("refuse %s with 400 naming the field", async (_, override, field) => {
    const current = await acme();
    const response = await putFormat(admin, { ...bodyOf(current), ...override });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(Object.keys(fields).some((k) => k === field || k.startsWith(`${field}.`))).toBe(true);
    expect((await acme()).updatedAt).toBe(current.updatedAt);
  });

  it("are kept by the seed while seed/ differs, and led by the files again once they say the same", async () => {
    const report = await loadBank(db(), content());
    expect(report.companies.keptEdited).toBe(1);
    expect(report.topics.keptEdited).toBe(1);
    expect((await acme()).durationMinutes).toBe(45);
    const files = content();
    const saved = await acme();
    Object.assign(files.companies[0]!, {
      durationMinutes: 45,
      topicWeights: saved.topicWeights,
      difficultyMix: saved.difficultyMix,
    });
    const caughtUp = await loadBank(db(), files);
    expect(caughtUp.companies.keptEdited).toBe(0);
    expect((await acme()).editedAt).toBeNull();
  });
});

describe("the history of topics and formats", () => {
  const restore = (who: User | null, area: "topics" | "formats", slug: string, number: string, updatedAt: string) =>
    call(
      who,
      area === "topics" ? topicRestore.POST : formatRestore.POST,
      "POST",
      `/api/admin/${area}/${slug}/revisions/${number}/restore`,
      { slug, number },
      { updatedAt },
    );

  it("keeps each change with its author, and the state before the first one", async () => {
    const history = await contentHistory("format", "acme");
    expect(history.map((h) => [h.number, h.author === null, h.reason])).toEqual(
      expect.arrayContaining([
        [1, true, "As it was before its first edit here"],
        [2, false, "Edited"],
      ]),
    );
    expect(history.find((h) => h.number === 2)!.changed).toEqual(
      expect.arrayContaining(["durationMinutes", "topicWeights", "difficultyMix"]),
    );
    expect((await contentHistory("topic", "gamma")).map((h) => h.reason)).toEqual(["Created"]);
  });

  it("restores a format's earlier revision as a new one; a stale version is a 409, a missing one a 404", async () => {
    const current = await acme();
    expect((await restore(user, "formats", "acme", "1", current.updatedAt)).status).toBe(404);
    expect((await restore(admin, "formats", "acme", "1", new Date(0).toISOString())).status).toBe(409);
    const response = await restore(admin, "formats", "acme", "1", current.updatedAt);
    expect(response.status).toBe(200);
    expect(((await response.json()) as AdminFormat).durationMinutes).toBe(30);
    expect((await contentHistory("format", "acme"))[0]!.reason).toBe("Restored revision 1");
    for (const number of ["999", "0", "x"])
      expect((await restore(admin, "formats", "acme", number, (await acme()).updatedAt)).status, number).toBe(404);
  });

  it("restores a topic's earlier name", async () => {
    const alpha = await db().topic.findUniqueOrThrow({ where: { slug: "alpha" } });
    const first = (await contentHistory("topic", "alpha")).at(-1)!;
    const response = await restore(admin, "topics", "alpha", String(first.number), alpha.updatedAt.toISOString());
    expect(response.status).toBe(200);
    expect(((await response.json()) as AdminTopic).name).toBe(String(first.snapshot.name));
  });
});
