// The admin question editor (issue #24) through its real route handlers on a real database, with real session
// cookies: who may use it, saving with revisions (409 on a stale one, one winner of two at once), the content
// rules of the loader, create, archive, restore, and how the seed treats a question edited in the app.
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as list from "@/app/api/admin/questions/route";
import * as item from "@/app/api/admin/questions/[slug]/route";
import * as archive from "@/app/api/admin/questions/[slug]/archive/route";
import * as restore from "@/app/api/admin/questions/[slug]/revisions/[number]/restore/route";
import * as problem from "@/app/api/admin/questions/[slug]/problem/route";
import { clearContentCaches } from "@/lib/cache";
import { getQuestion, listQuestions } from "@/lib/data/questions";
import { db } from "@/lib/db/client";
import type { EditableFields, EditableQuestion, ProblemFields } from "@/lib/schemas/question-editor";
import { questionListQuerySchema } from "@/lib/schemas/questions";
import { loadBank } from "@/seed/bank";
import { readContent, readProblems } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type User = { id: string };

async function call(who: User | null, handler: unknown, method: string, url: string, params = {}, body?: unknown) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = (await sessionCookieFor(who.id)).cookie;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

const SLUG = "queryset-laziness";
const content = () => readContent(path.resolve("tests/fixtures/content"));
const get = async (who: User | null, slug = SLUG) =>
  call(who, item.GET, "GET", `/api/admin/questions/${slug}`, { slug });
const put = (who: User | null, body: unknown, slug = SLUG) =>
  call(who, item.PUT, "PUT", `/api/admin/questions/${slug}`, { slug }, body);
const editable = async (slug = SLUG) => (await (await get(admin, slug)).json()) as EditableQuestion;
const search = (q: string) => listQuestions(questionListQuerySchema.parse({ q }));

/** Valid fields: what an admin would send, with an authored rubric. */
function fields(title: string, overrides: Partial<EditableFields> = {}): EditableFields {
  const point = (text: string, term: string) => ({
    text,
    concepts: [{ name: term, any: [term] }],
    disqualifiers: [],
  });
  return {
    title,
    prompt: "Why are querysets lazy, and when do they run their SQL?",
    modelAnswer: "A queryset only builds SQL until something needs its rows: iterating, len(), list() or bool().",
    keyPoints: [
      point("Building a queryset runs no SQL", "no query"),
      point("Iteration, len(), list() and bool() evaluate it", "iterate"),
      point("Chaining filters is cheap", "chain"),
    ],
    difficulty: "easy",
    topic: "alpha",
    tags: ["orm"],
    estimatedMinutes: 3,
    companies: [{ slug: "acme", frequency: "low" }],
    ...overrides,
  };
}

let admin: User;
let user: User;

beforeAll(async () => {
  await loadBank(db(), content());
  admin = await userFactory({ name: "Ada Admin" });
  await db().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  user = await userFactory();
});

beforeEach(() => clearContentCaches());

describe("who may use the editor", () => {
  const requests: [string, (who: User | null) => Promise<Response>][] = [
    ["GET the list", (who) => call(who, list.GET, "GET", "/api/admin/questions")],
    [
      "POST a question",
      (who) =>
        call(
          who,
          list.POST,
          "POST",
          "/api/admin/questions",
          {},
          { ...fields("Made by someone"), slug: "made-by-someone" },
        ),
    ],
    ["GET a question", (who) => get(who)],
    ["PUT a question", (who) => put(who, { ...fields("Taken over"), revision: 0 })],
    [
      "PUT its archive state",
      (who) =>
        call(
          who,
          archive.PUT,
          "PUT",
          `/api/admin/questions/${SLUG}/archive`,
          { slug: SLUG },
          { archived: true, revision: 0 },
        ),
    ],
    [
      "POST a restore",
      (who) =>
        call(
          who,
          restore.POST,
          "POST",
          `/api/admin/questions/${SLUG}/revisions/1/restore`,
          { slug: SLUG, number: "1" },
          { revision: 0 },
        ),
    ],
  ];

  it.each(requests)(
    "%s: 401 for a visitor, 404 for a signed-in user who is not an admin, and nothing changes",
    async (_, send) => {
      expect((await send(null)).status).toBe(401);
      expect((await send(user)).status).toBe(404);
      const row = await db().question.findUniqueOrThrow({ where: { slug: SLUG } });
      expect(row).toMatchObject({ title: "Why are querysets lazy?", revision: 0, archivedAt: null, editedAt: null });
      expect(await db().question.count({ where: { slug: "made-by-someone" } })).toBe(0);
    },
  );
});

describe("saving", () => {
  it("reads a question loaded from seed/ as editable fields, at revision 0 with no history", async () => {
    const question = await editable();
    expect(question).toMatchObject({ slug: SLUG, kind: "written", revision: 0, archived: false, history: [] });
    expect(question.derivedRubric).toBe(true);
    expect(question.fields.keyPoints.map((p) => p.text)).toEqual([
      "built but not executed",
      "evaluation triggers",
      "chaining is cheap",
    ]);
    expect(question.fields.companies).toEqual([]);
  });

  it("saves a new revision, records the state before it, and the bank, its pages and search follow", async () => {
    const response = await put(admin, {
      ...fields("When does a queryset hit the database?"),
      revision: 0,
      reason: "Clearer title",
    });
    expect(response.status).toBe(200);
    const saved = (await response.json()) as EditableQuestion;
    expect(saved.revision).toBe(1);
    expect(saved.derivedRubric).toBe(false);
    expect(saved.history.map((h) => [h.number, h.author, h.reason])).toEqual([
      [2, "Ada Admin", "Clearer title"],
      [1, null, "As it was before its first edit here"],
    ]);
    expect(saved.history[0]!.changed).toEqual(expect.arrayContaining(["title", "keyPoints", "companies"]));
    const row = await db().question.findUniqueOrThrow({ where: { slug: SLUG }, include: { companies: true } });
    expect(row.editedAt).not.toBeNull();
    expect(row.rubric).toMatchObject({ derived: false, points: [{ concepts: [{ name: "no query" }] }, {}, {}] });
    expect(row.companies).toHaveLength(1);
    expect((await getQuestion(SLUG))?.title).toBe("When does a queryset hit the database?");
    expect((await search("hit the database")).items[0]?.slug).toBe(SLUG);
  });

  it("refuses a save against an older revision with 409 and the question as it is now", async () => {
    const response = await put(admin, { ...fields("Overwritten by a stale tab"), revision: 0 });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { current: EditableQuestion };
    expect(body.current.revision).toBe(1);
    expect(body.current.fields.title).toBe("When does a queryset hit the database?");
    expect((await db().question.findUniqueOrThrow({ where: { slug: SLUG } })).title).toBe(
      "When does a queryset hit the database?",
    );
  });

  it("lets one of two saves at the same revision win; the other gets 409", async () => {
    const statuses = await Promise.all(
      ["First writer", "Second writer"].map(
        async (title) => (await put(admin, { ...fields(title), revision: 1 })).status,
      ),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    const question = await editable();
    expect(question.revision).toBe(2);
    expect(question.history).toHaveLength(3);
  });

  it.each([
    ["two key points", { keyPoints: fields("x").keyPoints.slice(0, 2) }, "keyPoints"],
    [
      "a key point with no concept",
      { keyPoints: [{ text: "A point", concepts: [], disqualifiers: [] }, ...fields("x").keyPoints.slice(1)] },
      "keyPoints.0.concepts",
    ],
    [
      "an expression of stop words only",
      {
        keyPoints: [
          { text: "A point", concepts: [{ name: "Nothing", any: ["the and of"] }], disqualifiers: [] },
          ...fields("x").keyPoints.slice(1),
        ],
      },
      "keyPoints.0.concepts.0.any.0",
    ],
    ["a topic that does not exist", { topic: "no-such-topic" }, "topic"],
    ["a company that does not exist", { companies: [{ slug: "globex" }] }, "companies.0.slug"],
    ["the same company twice", { companies: [{ slug: "acme" }, { slug: "acme" }] }, "companies"],
    [
      "a code fence left open",
      { modelAnswer: "Here is some code that is long enough:\n```python\nqs = Model.objects.all()" },
      "modelAnswer",
    ],
    ["mojibake", { title: "Why arenâ€™t querysets evaluated?" }, "title"],
    ["a title too short", { title: "Why" }, "title"],
    ["a tag that is no slug", { tags: ["Not A Slug"] }, "tags.0"],
    ["minutes out of range", { estimatedMinutes: 0 }, "estimatedMinutes"],
  ])("refuses %s with 400 naming the field, and changes nothing", async (_, override, field) => {
    const before = await db().question.findUniqueOrThrow({ where: { slug: SLUG } });
    const response = await put(admin, { ...fields("Valid title here"), ...override, revision: before.revision });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string[]> } };
    expect(Object.keys(body.error.fields)).toContain(field);
    const after = await db().question.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(after.revision).toBe(before.revision);
    expect(after.title).toBe(before.title);
  });

  it.each([
    ["not JSON", "{"],
    ["an array", "[]"],
    ["an unknown field", { ...fields("Valid title here"), revision: 2, slug: "renamed" }],
    ["no revision", fields("Valid title here")],
    ["a negative revision", { ...fields("Valid title here"), revision: -1 }],
  ])("refuses %s with a 4xx", async (_, body) => {
    const response = await put(admin, body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe("create, archive and restore", () => {
  it("creates a question that is in the bank and in search, and refuses its slug a second time", async () => {
    const body = { ...fields("What does a database router decide?"), slug: "database-router-decisions", reason: "New" };
    const response = await call(admin, list.POST, "POST", "/api/admin/questions", {}, body);
    expect(response.status).toBe(201);
    const created = (await response.json()) as EditableQuestion;
    expect(created).toMatchObject({ slug: "database-router-decisions", revision: 1, source: "mockroom-admin" });
    expect(created.history.map((h) => h.number)).toEqual([1]);
    expect((await search("database router")).items.map((q) => q.slug)).toContain("database-router-decisions");
    const again = await call(admin, list.POST, "POST", "/api/admin/questions", {}, body);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { fields: Record<string, unknown> } }).error.fields.slug).toBeDefined();
  });

  it("archives a question out of the bank and brings it back, each a revision", async () => {
    const slug = "database-router-decisions";
    const send = (archived: boolean, revision: number) =>
      call(admin, archive.PUT, "PUT", `/api/admin/questions/${slug}/archive`, { slug }, { archived, revision });
    const archived = (await (await send(true, 1)).json()) as EditableQuestion;
    expect(archived).toMatchObject({ archived: true, revision: 2 });
    expect((await search("database router")).items.map((q) => q.slug)).not.toContain(slug);
    expect((await getQuestion(slug))?.archived).toBe(true);
    expect((await send(false, 1)).status).toBe(409);
    const back = (await (await send(false, 2)).json()) as EditableQuestion;
    expect(back).toMatchObject({ archived: false, revision: 3 });
    expect(back.history.map((h) => h.reason)).toEqual(["Restored from the archive", "Archived", "New"]);
    const list404 = await call(admin, list.GET, "GET", "/api/admin/questions?status=archived");
    expect(((await list404.json()) as { items: { slug: string }[] }).items.map((q) => q.slug)).not.toContain(slug);
  });

  it("restores an earlier revision as a new one, and refuses one that does not exist", async () => {
    const before = await editable();
    const first = before.history.at(-1)!;
    expect(first.reason).toBe("As it was before its first edit here");
    const send = (number: string, revision: number) =>
      call(
        admin,
        restore.POST,
        "POST",
        `/api/admin/questions/${SLUG}/revisions/${number}/restore`,
        { slug: SLUG, number },
        { revision },
      );
    const restored = (await (await send(String(first.number), before.revision)).json()) as EditableQuestion;
    expect(restored.fields.title).toBe("Why are querysets lazy?");
    expect(restored.history[0]).toMatchObject({
      number: before.history[0]!.number + 1,
      reason: `Restored revision ${first.number}`,
    });
    expect((await getQuestion(SLUG))?.title).toBe("Why are querysets lazy?");
    for (const number of ["999", "0", "-1", "1e3", "x", "99999999999"])
      expect((await send(number, restored.revision)).status, number).toBe(404);
  });

  it("lists live and archived questions by words of the title, in keyset pages", async () => {
    const page = async (query: string) =>
      (await (await call(admin, list.GET, "GET", `/api/admin/questions${query}`)).json()) as {
        items: { slug: string; archived: boolean }[];
        nextCursor: string | null;
      };
    expect((await page("?q=lazy")).items.map((q) => q.slug)).toEqual([SLUG]);
    expect((await page("?q=100%25")).items).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const next: Awaited<ReturnType<typeof page>> = await page(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...next.items.map((q) => q.slug));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual([...seen].sort());
    expect(seen.length).toBe(await db().question.count());
    expect((await call(admin, list.GET, "GET", "/api/admin/questions?status=gone")).status).toBe(400);
  });
});

describe("the seed and a question edited in the app", () => {
  it("keeps the app's version while the files differ, and lets the files lead again once they say the same", async () => {
    const saved = await editable();
    expect((await put(admin, { ...fields("Edited in the app"), revision: saved.revision })).status).toBe(200);
    const report = await loadBank(db(), content());
    expect(report.questions.keptEdited).toBe(1);
    expect((await db().question.findUniqueOrThrow({ where: { slug: SLUG } })).title).toBe("Edited in the app");
    // The files catch up (an export of the app's version committed to seed/): the seed clears the mark.
    const files = content();
    const edited = await editable();
    const inFile = files.questions.find((q) => q.slug === SLUG)!;
    Object.assign(inFile, {
      title: edited.fields.title,
      prompt: edited.fields.prompt,
      modelAnswer: edited.fields.modelAnswer,
      keyPoints: edited.fields.keyPoints,
      difficulty: edited.fields.difficulty,
      tags: edited.fields.tags,
      estimatedMinutes: edited.fields.estimatedMinutes,
      companies: edited.fields.companies,
    });
    const caughtUp = await loadBank(db(), files);
    expect(caughtUp.questions.keptEdited).toBe(0);
    expect((await db().question.findUniqueOrThrow({ where: { slug: SLUG } })).editedAt).toBeNull();
  });

  it("counts a change the seed makes, so an editor opened before it gets a 409", async () => {
    const opened = await editable("prefetch-related-explained");
    const files = content();
    files.questions.find((q) => q.slug === "prefetch-related-explained")!.title = "Changed in the files";
    await loadBank(db(), files);
    const response = await put(
      admin,
      { ...fields("Saved from an old editor"), revision: opened.revision },
      "prefetch-related-explained",
    );
    expect(response.status).toBe(409);
    // Saved at the new revision, the history records the seed's change first, without an author.
    const current = ((await response.json()) as { current: EditableQuestion }).current;
    const saved = (await (
      await put(
        admin,
        { ...fields("Saved from an old editor"), revision: current.revision },
        "prefetch-related-explained",
      )
    ).json()) as EditableQuestion;
    expect(saved.history.map((h) => h.author)).toEqual(["Ada Admin", null]);
    expect(saved.history[1]!.reason).toBe("As it was before its first edit here");
  });

  it("never archives a question made in the editor, which no file holds", async () => {
    const report = await loadBank(db(), content());
    expect(report.questions.archived).toBe(0);
    expect(
      (await db().question.findUniqueOrThrow({ where: { slug: "database-router-decisions" } })).archivedAt,
    ).toBeNull();
  });
});

describe("a coding problem's code and tests", () => {
  const PYTHON = "alphanumeric-palindrome";
  const SQL = "sessions-after-thirty-idle-minutes";
  const problems = readProblems(path.resolve("seed"))
    .filter((p) => p.slug === PYTHON || p.slug === SQL)
    .map((p) => ({ ...p, topic: "alpha", companies: [] }));
  const withProblems = () => ({ ...content(), problems });
  const putProblem = (body: unknown, slug = PYTHON) =>
    call(admin, problem.PUT, "PUT", `/api/admin/questions/${slug}/problem`, { slug }, body);

  beforeAll(async () => {
    await loadBank(db(), withProblems());
  });

  it("reads the problem's code, tests and wrong solutions with the question", async () => {
    const question = await editable(PYTHON);
    expect(question.kind).toBe("coding");
    expect(question.problem).toMatchObject({ language: "python" });
    expect(question.problem!.wrongSolutions.length).toBeGreaterThan(0);
    expect((await editable(SQL)).problem).toMatchObject({ language: "sql" });
    expect((await editable()).problem).toBeNull();
  });

  it("saves new code and tests as a revision the seed then keeps", async () => {
    const before = await editable(PYTHON);
    const p = before.problem as Extract<ProblemFields, { language: "python" }>;
    const response = await putProblem({
      revision: before.revision,
      reason: "A clearer starter",
      starterCode:
        "def is_clean_palindrome(text):\n    # Ignore case and anything that is not a letter or digit.\n    ...\n",
      solution: p.solution,
      visibleTests: p.visibleTests,
      hiddenTests: [
        ...p.hiddenTests,
        { name: "added in the editor", call: "is_clean_palindrome('?!')", expected: "True" },
      ],
      wrongSolutions: p.wrongSolutions,
    });
    const saved = (await response.json()) as EditableQuestion;
    expect(response.status, JSON.stringify(saved)).toBe(200);
    expect(saved.history[0]).toMatchObject({ reason: "A clearer starter", changed: ["problem"] });
    const row = await db().codingProblem.findFirstOrThrow({ where: { question: { slug: PYTHON } } });
    expect(row.starterCode).toContain("Ignore case");
    expect(row.hiddenTests).toHaveLength(p.hiddenTests.length + 1);
    const report = await loadBank(db(), withProblems());
    expect(report.questions.keptEdited).toBeGreaterThanOrEqual(1);
    expect(
      (await db().codingProblem.findFirstOrThrow({ where: { question: { slug: PYTHON } } })).starterCode,
    ).toContain("Ignore case");
  });

  it("restores an earlier revision's code", async () => {
    const current = await editable(PYTHON);
    const first = current.history.at(-1)!;
    const restored = (await (
      await call(
        admin,
        restore.POST,
        "POST",
        `/api/admin/questions/${PYTHON}/revisions/${first.number}/restore`,
        { slug: PYTHON, number: String(first.number) },
        { revision: current.revision },
      )
    ).json()) as EditableQuestion;
    expect(restored.problem!.starterCode).not.toContain("Ignore case");
  });

  it.each([
    ["tests that are not a list", { visibleTests: "[]", hiddenTests: [] }, "visibleTests"],
    ["no hidden test", { hiddenTests: [] }, "hiddenTests"],
    [
      "a test name used twice",
      {
        hiddenTests: [
          { name: "dup", call: "f()", expected: "1" },
          { name: "dup", call: "f()", expected: "1" },
        ],
      },
      "hiddenTests",
    ],
    ["a test with neither expected nor raises", { hiddenTests: [{ name: "x", call: "f()" }] }, "hiddenTests.0"],
    [
      "a wrong solution named not as a slug",
      { wrongSolutions: [{ name: "Not A Slug", why: "Because it is wrong.", code: "def f(): pass" }] },
      "wrongSolutions.0.name",
    ],
    ["a reference solution too short", { solution: "x" }, "solution"],
    ["visible tests without hidden ones", { hiddenTests: undefined }, "hiddenTests"],
  ])("refuses %s with 400, and changes nothing", async (_, override, field) => {
    const before = await editable(PYTHON);
    const p = before.problem as Extract<ProblemFields, { language: "python" }>;
    const body = {
      revision: before.revision,
      starterCode: p.starterCode,
      solution: p.solution,
      visibleTests: p.visibleTests,
      hiddenTests: p.hiddenTests,
      wrongSolutions: p.wrongSolutions,
      ...override,
    };
    const response = await putProblem(body);
    expect(response.status).toBe(400);
    const errors = ((await response.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(Object.keys(errors).some((k) => k === field || k.startsWith(`${field}.`))).toBe(true);
    expect((await editable(PYTHON)).revision).toBe(before.revision);
  });

  it("keeps a SQL problem's tests to seed/problems, and has no code for a written question", async () => {
    const sql = await editable(SQL);
    const p = sql.problem!;
    const base = {
      revision: sql.revision,
      starterCode: p.starterCode,
      solution: p.solution,
      wrongSolutions: p.wrongSolutions,
    };
    const refused = await putProblem(
      {
        ...base,
        visibleTests: [{ name: "x", call: "f()", expected: "1" }],
        hiddenTests: [{ name: "y", call: "f()", expected: "1" }],
      },
      SQL,
    );
    expect(refused.status).toBe(400);
    expect((await putProblem({ ...base, starterCode: "-- Write one query.\nselect 1;" }, SQL)).status).toBe(200);
    const written = await editable();
    const none = await putProblem({ ...base, revision: written.revision }, SLUG);
    expect(none.status).toBe(404);
  });

  it("is a 409 against an older revision", async () => {
    const current = await editable(PYTHON);
    const p = current.problem!;
    const stale = await putProblem({
      revision: current.revision - 1,
      starterCode: "# stale",
      solution: p.solution,
      wrongSolutions: p.wrongSolutions,
    });
    expect(stale.status).toBe(409);
  });
});

describe("a save that changes what answers are judged by", () => {
  const CSRF = "csrf-protection";
  const point = (text: string, ...any: string[]) => ({ text, concepts: [{ name: any[0]!, any }], disqualifiers: [] });
  const csrfFields = (title: string, keyPoints: EditableFields["keyPoints"]) =>
    fields(title, {
      prompt: "How does Django protect against CSRF?",
      modelAnswer:
        "It compares a secret from the csrftoken cookie with the token the form or X-CSRFToken header sends.",
      keyPoints,
      difficulty: "hard",
    });

  it("re-scores the answers stored for the question at once, and a save that leaves them alone does not", async () => {
    const owner = await userFactory();
    const question = await db().question.findUniqueOrThrow({ where: { slug: CSRF } });
    const answer = "Django compares the csrftoken cookie with the X-CSRFToken header on POST.";
    const interview = await db().interview.create({
      data: {
        userId: owner.id,
        title: "Judged by the old key points",
        mode: "PRACTICE",
        status: "FINISHED",
        seed: 1,
        topicFocus: [],
        startedAt: new Date(),
        endedAt: new Date(),
        score: 0,
      },
    });
    await db().interviewQuestion.create({
      data: {
        interviewId: interview.id,
        questionId: question.id,
        position: 0,
        content: answer,
        score: 0,
        answeredAt: new Date(),
      },
    });
    // Finishing put the question in the revision queue for its score of 0.
    await db().reviewCard.create({
      data: { userId: owner.id, questionId: question.id, reason: "LOW_SCORE", due: new Date() },
    });
    const practice = await db().practiceAnswer.create({
      data: { userId: owner.id, questionId: question.id, draft: answer, revision: 1, updatedAt: new Date() },
    });
    await db().practiceAnswerVersion.create({
      data: { answerId: practice.id, number: 1, content: answer, coverage: [], score: 0 },
    });
    const stored = async () => ({
      answer: await db().interviewQuestion.findFirstOrThrow({ where: { interviewId: interview.id } }),
      interview: (await db().interview.findUniqueOrThrow({ where: { id: interview.id } })).score,
      version: (await db().practiceAnswerVersion.findFirstOrThrow({ where: { answerId: practice.id } })).score,
    });

    const keyPoints = [
      point("The token is compared with a secret from the cookie", "csrftoken", "cookie"),
      point("Sent in a header by JavaScript", "X-CSRFToken"),
      point("Origin and Referer are checked on HTTPS", "Referer"),
    ];
    const opened = await editable(CSRF);
    const saved = await put(admin, { ...csrfFields(opened.fields.title, keyPoints), revision: opened.revision }, CSRF);
    expect(saved.status).toBe(200);
    const after = await stored();
    expect(after.answer.score).toBeCloseTo(2 / 3);
    expect(after.answer.coverage).toMatchObject([
      { covered: true, heard: [{ concept: "csrftoken" }] },
      { covered: true, heard: [{ concept: "X-CSRFToken" }] },
      { covered: false, missing: ["Referer"] },
    ]);
    expect(after.interview).toBeCloseTo(2 / 3);
    expect(after.version).toBeCloseTo(2 / 3);
    // Now scored above the line, the card only the old score put there (never rated) leaves the queue.
    expect(
      await db().reviewCard.findUnique({ where: { userId_questionId: { userId: owner.id, questionId: question.id } } }),
    ).toBeNull();

    // A title alone is no reason to judge again: a figure set by hand stays as it is.
    await db().interviewQuestion.update({ where: { id: after.answer.id }, data: { score: 0.25 } });
    const retitled = await put(
      admin,
      {
        ...csrfFields("How does Django stop cross-site request forgery?", keyPoints),
        revision: opened.revision + 1,
      },
      CSRF,
    );
    expect(retitled.status).toBe(200);
    expect((await stored()).answer.score).toBe(0.25);
  });
});
