// Content packs (issue #24) through their route handlers on a real database: a dry run writes nothing, an install
// adds only (existing topics stay as they are), an update archives what left the pack, disable and enable, the
// limits and the rules that keep a pack from rewriting the bank, and the bank downloaded as a pack.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as packs from "@/app/api/admin/packs/route";
import * as pack from "@/app/api/admin/packs/[name]/route";
import * as exported from "@/app/api/admin/export/route";
import { db } from "@/lib/db/client";
import { packSchema, type Pack } from "@/lib/schemas/pack";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

type User = { id: string };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(who: User | null, handler: unknown, method: string, url: string, params = {}, body?: unknown) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = (await sessionCookieFor(who.id)).cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  const init: RequestInit = {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  };
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

const install = (who: User | null, body: unknown, dryRun = false) =>
  call(who, packs.POST, "POST", `/api/admin/packs?dryRun=${dryRun}`, {}, body);
const setDisabled = (name: string, disabled: boolean) =>
  call(admin, pack.PUT, "PUT", `/api/admin/packs/${name}`, { name }, { disabled });

function question(slug: string, title: string) {
  return {
    slug,
    topic: "celery",
    title,
    prompt: `${title} Explain with an example.`,
    modelAnswer: "Celery runs tasks in worker processes fed by a broker; results go to a result backend if you ask.",
    keyPoints: [
      { text: "Workers run the tasks", concepts: [{ name: "worker", any: ["worker"] }], disqualifiers: [] },
      { text: "A broker carries messages", concepts: [{ name: "broker", any: ["broker"] }], disqualifiers: [] },
      {
        text: "Results are optional",
        concepts: [{ name: "result backend", any: ["result backend"] }],
        disqualifiers: [],
      },
    ],
    difficulty: "medium",
    tags: ["celery"],
    estimatedMinutes: 4,
    source: { name: "anything" },
    companies: [{ slug: "acme", frequency: "low" }],
  };
}

function celeryPack(
  version: string,
  questions = [
    question("celery-workers", "How do Celery workers run tasks?"),
    question("celery-retries", "How do Celery retries back off?"),
  ],
) {
  return {
    format: "mockroom-pack",
    formatVersion: 1,
    name: "celery",
    title: "Celery in depth",
    version,
    topics: [
      { slug: "celery", name: "Celery", order: 10 },
      { slug: "alpha", name: "A pack's other name for alpha", order: 99 },
    ],
    questions,
  };
}

const live = (source: string) => db().question.count({ where: { source, archivedAt: null } });

let admin: User;
let user: User;

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  admin = await userFactory({ name: "Pia Packer" });
  await db().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  user = await userFactory();
});

describe("content packs", () => {
  it("are for admins: 401 for a visitor, 404 for anyone else, and nothing is installed", async () => {
    expect((await install(null, celeryPack("1.0"))).status).toBe(401);
    expect((await install(user, celeryPack("1.0"))).status).toBe(404);
    expect((await call(user, packs.GET, "GET", "/api/admin/packs")).status).toBe(404);
    expect((await call(user, exported.GET, "GET", "/api/admin/export")).status).toBe(404);
    expect(await db().contentPack.count()).toBe(0);
  });

  it("report a dry run without writing anything", async () => {
    const response = await install(admin, celeryPack("1.0"), true);
    expect(response.status).toBe(200);
    const plan = (await response.json()) as {
      dryRun: boolean;
      report: { questions: { created: number }; topics: { created: number } };
      keptTopics: string[];
    };
    expect(plan).toMatchObject({
      dryRun: true,
      report: { questions: { created: 2 }, topics: { created: 1 } },
      keptTopics: ["alpha"],
    });
    expect(await db().contentPack.count()).toBe(0);
    expect(await db().topic.count({ where: { slug: "celery" } })).toBe(0);
    expect(await live("pack-celery")).toBe(0);
  });

  it("install under their own source, adding topics but leaving existing ones as they are", async () => {
    expect((await install(admin, celeryPack("1.0"))).status).toBe(200);
    expect(await live("pack-celery")).toBe(2);
    expect((await db().topic.findUniqueOrThrow({ where: { slug: "alpha" } })).name).toBe("Alpha Topic");
    const list = (await (await call(admin, packs.GET, "GET", "/api/admin/packs")).json()) as {
      items: { name: string; version: string; installedBy: string; questions: { live: number } }[];
      unpacked: { source: string }[];
    };
    expect(list.items).toEqual([
      expect.objectContaining({
        name: "celery",
        version: "1.0",
        installedBy: "Pia Packer",
        questions: { live: 2, archived: 0 },
      }),
    ]);
    expect(list.unpacked.map((s) => s.source)).not.toContain("pack-celery");
  });

  it("update: what left the pack is archived, what changed is updated", async () => {
    const next = celeryPack("1.1", [question("celery-workers", "How do Celery workers run and acknowledge tasks?")]);
    const dry = (await (await install(admin, next, true)).json()) as { report: { questions: Record<string, number> } };
    expect(dry.report.questions).toMatchObject({ created: 0, updated: 1, archived: 1 });
    expect(await live("pack-celery")).toBe(2);
    await install(admin, next);
    expect(await live("pack-celery")).toBe(1);
    expect((await db().question.findUniqueOrThrow({ where: { slug: "celery-retries" } })).archivedAt).not.toBeNull();
    expect((await db().contentPack.findUniqueOrThrow({ where: { name: "celery" } })).version).toBe("1.1");
  });

  it("disable (questions archived) and enable again (restored from the stored pack)", async () => {
    expect((await setDisabled("celery", true)).status).toBe(200);
    expect(await live("pack-celery")).toBe(0);
    expect((await setDisabled("celery", false)).status).toBe(200);
    expect(await live("pack-celery")).toBe(1);
    expect((await setDisabled("no-such-pack", true)).status).toBe(404);
  });

  it.each([
    [
      "a slug that belongs to the bank",
      { questions: [question("queryset-laziness", "A pack taking over a bank question?")] },
      "belongs to another source",
    ],
    [
      "a topic nobody has",
      { questions: [{ ...question("celery-orphan", "A question without its topic?"), topic: "nowhere" }] },
      'no topic "nowhere"',
    ],
    [
      "an interview format nobody has",
      { questions: [{ ...question("celery-x", "A question for a missing format?"), companies: [{ slug: "globex" }] }] },
      'no interview format "globex"',
    ],
  ])("refuse %s with 400 naming it, and change nothing", async (_, override, words) => {
    const before = await db().question.count();
    const response = await install(admin, { ...celeryPack("2.0"), name: "other", ...override });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { problems: string[] }).problems.join(" ")).toContain(words);
    expect(await db().question.count()).toBe(before);
  });

  it.each([
    ["another format", { format: "anki-deck" }],
    ["a newer format version", { formatVersion: 2 }],
    ["no question at all", { questions: [] }],
    [
      "the same slug twice",
      {
        questions: [
          question("twice", "The first of two questions?"),
          question("twice", "The second of two questions?"),
        ],
      },
    ],
    [
      "a merge (formerSlugs)",
      { questions: [{ ...question("merging", "A question merging another?"), formerSlugs: ["queryset-laziness"] }] },
    ],
    [
      "a question without its rubric's sentence",
      { questions: [{ ...question("bad", "A question with a bad key point?"), keyPoints: ["x"] }] },
    ],
    ["an unknown field", { installScript: "rm -rf /" }],
    [
      "more questions than a pack may hold",
      { questions: Array.from({ length: 5_001 }, (_, i) => question(`q-${i}`, `Question number ${i}?`)) },
    ],
  ])("refuse %s with 400", async (_, override) => {
    const response = await install(admin, { ...celeryPack("2.0"), name: "other", ...override }, true);
    expect(response.status).toBe(400);
  });

  it("refuse a file over 10 MB with 413, and one that is not JSON with 400", async () => {
    expect((await install(admin, `{"pad":"${"x".repeat(10 * 1024 * 1024)}"}`)).status).toBe(413);
    expect((await install(admin, "{not json")).status).toBe(400);
  });

  it("download the whole bank as a pack that passes the pack's own schema", async () => {
    const response = await call(admin, exported.GET, "GET", "/api/admin/export");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="mockroom-bank-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const body = (await response.json()) as Pack;
    const parsed = packSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(body.questions.map((q) => q.slug)).toContain("queryset-laziness");
    expect(body.questions.map((q) => q.slug)).toContain("celery-workers");
  });
});
