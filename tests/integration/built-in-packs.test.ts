// The built-in content ships as packs (issue #24): seed/packs.json groups topics into packs the seed records. An
// admin sees them with their counts, downloads one as a pack file, disables one (its questions archived, edited
// ones too, and held so while the seed runs) and enables it again (everything back, the files' changes since
// applied). A pack from outside cannot take a built-in pack's name.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as packs from "@/app/api/admin/packs/route";
import * as pack from "@/app/api/admin/packs/[name]/route";
import { editableQuestion, saveQuestion } from "@/lib/data/question-editor";
import { db } from "@/lib/db/client";
import { packSchema, type Pack } from "@/lib/schemas/pack";
import { runSeed } from "@/seed/load";
import { sessionCookieFor, userFactory } from "../factories";

type User = { id: string };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// The app reads its content from CONTENT_DIR (enabling a built-in pack loads it again): a copy of the fixtures
// with a packs.json, set before any app module reads the environment.
const dir = vi.hoisted(() => {
  const fs = process.getBuiltinModule("node:fs");
  const os = process.getBuiltinModule("node:os");
  const path = process.getBuiltinModule("node:path");
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-built-in-packs-"));
  fs.cpSync(path.resolve("tests/fixtures/content"), copy, { recursive: true });
  process.env.CONTENT_DIR = copy;
  return copy;
});
const manifest = [
  { name: "alpha-pack", title: "Alpha pack", version: "1.0", description: "The alpha topic.", topics: ["alpha"] },
];
fs.writeFileSync(path.join(dir, "packs.json"), JSON.stringify(manifest));
const ALPHA = ["prefetch-related-explained", "queryset-laziness"];

async function call(who: User, handler: unknown, method: string, url: string, params = {}, body?: unknown) {
  const headers: Record<string, string> = { cookie: (await sessionCookieFor(who.id)).cookie };
  if (body !== undefined) headers["content-type"] = "application/json";
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}
const setDisabled = (name: string, disabled: boolean) =>
  call(admin, pack.PUT, "PUT", `/api/admin/packs/${name}`, { name }, { disabled });
const liveOf = async (slugs: string[]) =>
  (await db().question.findMany({ where: { slug: { in: slugs }, archivedAt: null }, select: { slug: true } }))
    .map((q) => q.slug)
    .sort();
type Listed = {
  items: { name: string; builtIn: boolean; disabled: boolean; version: string; questions: { live: number } }[];
  unpacked: { source: string; live: number }[];
};

let admin: User;

beforeAll(async () => {
  const report = await runSeed(db(), { demo: false, contentDir: dir });
  expect(report.lines).toContain("built-in packs: alpha-pack 1.0");
  admin = await userFactory({ name: "Ada Admin" });
  await db().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function editFile(topic: string, edit: (questions: Record<string, unknown>[]) => Record<string, unknown>[]) {
  const file = path.join(dir, "questions", `${topic}.json`);
  fs.writeFileSync(file, JSON.stringify(edit(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>[])));
}

describe("built-in packs", () => {
  it("are recorded by the seed and listed with their questions counted; the rest is in no pack", async () => {
    const row = await db().contentPack.findUniqueOrThrow({ where: { name: "alpha-pack" } });
    expect(row).toMatchObject({ builtIn: true, source: null, content: null, disabledAt: null, version: "1.0" });
    expect([...row.slugs].sort()).toEqual(ALPHA);
    const list = (await (await call(admin, packs.GET, "GET", "/api/admin/packs")).json()) as Listed;
    expect(list.items).toEqual([
      expect.objectContaining({
        name: "alpha-pack",
        builtIn: true,
        disabled: false,
        questions: { live: 2, archived: 0 },
      }),
    ]);
    // beta is in no built-in pack: its question is listed by source.
    expect(list.unpacked).toEqual([{ source: "fixture-guide", live: 1 }]);
  });

  it("download as a pack file that passes the pack schema, holding only the pack's topics", async () => {
    const response = await call(admin, pack.GET, "GET", "/api/admin/packs/alpha-pack", { name: "alpha-pack" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="alpha-pack-1.0.json"');
    const body = (await response.json()) as Pack;
    const parsed = packSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(body).toMatchObject({ name: "alpha-pack", version: "1.0", companies: [] });
    expect(body.topics.map((t) => t.slug)).toEqual(["alpha"]);
    expect(body.questions.map((q) => q.slug).sort()).toEqual(ALPHA);
    const missing = await call(admin, pack.GET, "GET", "/api/admin/packs/nope", { name: "nope" });
    expect(missing.status).toBe(404);
  });

  it("disable: every question archived, an edited one too, and held so while the seed runs", async () => {
    const before = await editableQuestion("queryset-laziness");
    await saveQuestion(admin.id, "queryset-laziness", {
      ...before.fields,
      title: "Why are QuerySets lazy? (edited in the app)",
      revision: before.revision,
      reason: "Clearer",
    });
    expect((await setDisabled("alpha-pack", true)).status).toBe(200);
    expect(await liveOf(ALPHA)).toEqual([]);
    expect(await liveOf(["csrf-protection"])).toEqual(["csrf-protection"]);
    const row = await db().contentPack.findUniqueOrThrow({ where: { name: "alpha-pack" } });
    expect(row.disabledAt).not.toBeNull();
    expect([...row.archivedSlugs].sort()).toEqual(ALPHA);

    // The files change while it is disabled: a new question, a changed title. The seed leaves the pack alone.
    editFile("alpha", (questions) => [
      { ...questions[0], title: "Explain prefetch_related, changed in the files" },
      ...questions.slice(1),
      { ...questions[1], slug: "alpha-newcomer", title: "A question added to the files meanwhile?" },
    ]);
    const report = await runSeed(db(), { demo: false, contentDir: dir });
    expect(report.lines).toContain("built-in packs: alpha-pack 1.0 (disabled)");
    expect(report.bank!.questions).toMatchObject({ created: 0, updated: 0, restored: 0, archived: 0 });
    expect(await liveOf([...ALPHA, "alpha-newcomer"])).toEqual([]);
    expect(await db().question.count({ where: { slug: "alpha-newcomer" } })).toBe(0);
    const list = (await (await call(admin, packs.GET, "GET", "/api/admin/packs")).json()) as Listed;
    expect(list.items[0]).toMatchObject({ disabled: true, questions: { live: 0, archived: 2 } });
  });

  it("enable: everything back (the edit kept), the files' changes applied", async () => {
    const response = await setDisabled("alpha-pack", false);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "alpha-pack", disabled: false, questions: { live: 3 } });
    expect(await liveOf([...ALPHA, "alpha-newcomer"])).toEqual(["alpha-newcomer", ...ALPHA]);
    const questions = await db().question.findMany({ where: { slug: { in: ALPHA } }, orderBy: { slug: "asc" } });
    expect(questions.map((q) => q.title)).toEqual([
      "Explain prefetch_related, changed in the files",
      "Why are QuerySets lazy? (edited in the app)",
    ]);
    const row = await db().contentPack.findUniqueOrThrow({ where: { name: "alpha-pack" } });
    expect(row).toMatchObject({ disabledAt: null, archivedSlugs: [] });
    expect([...row.slugs].sort()).toEqual(["alpha-newcomer", ...ALPHA]);
  });

  it("cannot be taken over by a pack from outside with the same name", async () => {
    const file = (await (
      await call(admin, pack.GET, "GET", "/api/admin/packs/alpha-pack", { name: "alpha-pack" })
    ).json()) as Pack;
    const renamed = { ...file, questions: file.questions.map((q) => ({ ...q, slug: `${q.slug}-copy` })) };
    const response = await call(admin, packs.POST, "POST", "/api/admin/packs?dryRun=true", {}, renamed);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { problems: string[] }).problems).toContain(
      'the name "alpha-pack" belongs to a built-in pack',
    );
  });

  it("leave the list when packs.json no longer names them; their questions stay, as the bank's own", async () => {
    fs.writeFileSync(path.join(dir, "packs.json"), "[]");
    const report = await runSeed(db(), { demo: false, contentDir: dir });
    expect(report.lines).toContain("built-in packs: none");
    expect(await db().contentPack.count()).toBe(0);
    expect(await liveOf(ALPHA)).toEqual(ALPHA);
  });
});
