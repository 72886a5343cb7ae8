// "Report a problem" and the admin queue (issue #24), through the real route handlers on a real database, each
// request with a real session cookie: who may send and read, one open report per user and question, the rate
// limit, closing with a reply (once), and what the reporter sees on the question page afterwards.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as report from "@/app/api/questions/[slug]/report/route";
import * as reports from "@/app/api/admin/reports/route";
import * as reportItem from "@/app/api/admin/reports/[id]/route";
import { questionWorkspace } from "@/lib/data/question-workspace";
import { rules } from "@/lib/auth/rate-limit-rules";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";
import { exportAs, importAs } from "../support/account-documents";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type User = { id: string };

async function call(
  who: User | null,
  handler: unknown,
  method: string,
  url: string,
  params: Record<string, string> = {},
  body?: unknown,
) {
  const headers: Record<string, string> = {};
  if (who) headers.cookie = (await sessionCookieFor(who.id)).cookie;
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

const send = (who: User | null, slug: string, body: unknown) =>
  call(who, report.POST, "POST", `/api/questions/${slug}/report`, { slug }, body);
const queue = (who: User | null, query = "") => call(who, reports.GET, "GET", `/api/admin/reports${query}`);
const close = (who: User | null, id: string, body: unknown) =>
  call(who, reportItem.PATCH, "PATCH", `/api/admin/reports/${id}`, { id }, body);

let reporter: User;
let admin: User;
let bystander: User;

beforeAll(async () => {
  await loadBank(db(), readContent(path.resolve("tests/fixtures/content")));
  reporter = await userFactory({ name: "Rita Reporter" });
  bystander = await userFactory();
  admin = await userFactory({ name: "Ada Admin" });
  await db().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
});

describe("sending a report", () => {
  it("is for signed-in users: a visitor gets 401 and nothing is stored", async () => {
    const response = await send(null, "csrf-protection", { reason: "typo", details: "A typo." });
    expect(response.status).toBe(401);
    expect(await db().report.count({ where: { question: { slug: "csrf-protection" } } })).toBe(0);
  });

  it("stores it open, and the question page shows it to its author only", async () => {
    const response = await send(reporter, "csrf-protection", {
      reason: "wrong_answer",
      details: "  The answer says CSRF tokens are needed for GET requests.  ",
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; status: string; details: string; reason: string };
    expect(body).toMatchObject({ status: "open", reason: "wrong_answer", reply: null, closedAt: null });
    expect(body.details).toBe("The answer says CSRF tokens are needed for GET requests.");
    expect((await questionWorkspace(reporter.id, "csrf-protection")).report).toMatchObject({
      id: body.id,
      status: "open",
    });
    expect((await questionWorkspace(bystander.id, "csrf-protection")).report).toBeNull();
  });

  it("refuses a second one while the first is open with 409 carrying the open report", async () => {
    const response = await send(reporter, "csrf-protection", { reason: "typo", details: "Another thing." });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string }; report: { reason: string; status: string } };
    expect(body.error.code).toBe("CONFLICT");
    expect(body.report).toMatchObject({ reason: "wrong_answer", status: "open" });
    expect(await db().report.count({ where: { userId: reporter.id } })).toBe(1);
  });

  it("keeps one when two arrive at once", async () => {
    const user = await userFactory();
    const statuses = await Promise.all(
      [1, 2, 3].map(
        async (n) => (await send(user, "queryset-laziness", { reason: "typo", details: `Race ${n}` })).status,
      ),
    );
    expect(statuses.sort()).toEqual([201, 409, 409]);
    expect(await db().report.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is 404 for a question that does not exist and for a path that is no slug", async () => {
    expect((await send(reporter, "no-such-question", { reason: "typo", details: "x" })).status).toBe(404);
    expect((await send(reporter, "..%2Fadmin", { reason: "typo", details: "x" })).status).toBe(404);
  });

  it.each([
    ["no body", undefined],
    ["not JSON", "reason=typo"],
    ["an array", [{ reason: "typo", details: "x" }]],
    ["an unknown reason", { reason: "rude", details: "x" }],
    ["a reason in capitals", { reason: "TYPO", details: "x" }],
    ["empty details", { reason: "typo", details: "" }],
    ["details of spaces only", { reason: "typo", details: " \n\t " }],
    ["details too long", { reason: "typo", details: "x".repeat(1001) }],
    ["details that are not text", { reason: "typo", details: 42 }],
    ["a NUL character", { reason: "typo", details: "a\u0000b" }],
    ["an extra field", { reason: "typo", details: "x", status: "resolved" }],
  ])("refuses %s with a 4xx and stores nothing", async (_, body) => {
    const user = await userFactory();
    const response = await send(user, "queryset-laziness", body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await db().report.count({ where: { userId: user.id } })).toBe(0);
  });

  it(`allows ${rules.reportUser.limit} an hour per account, then 429 with Retry-After`, async () => {
    const user = await userFactory();
    const body = { reason: "unclear", details: "Unclear." };
    for (let n = 0; n < rules.reportUser.limit; n++) {
      expect((await send(user, "queryset-laziness", body)).status).toBe(201);
      // Closed at once, so the next one is not refused as a second open report.
      await db().report.updateMany({
        where: { userId: user.id, status: "OPEN" },
        data: { status: "DISMISSED", closedAt: new Date() },
      });
    }
    const refused = await send(user, "queryset-laziness", body);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db().report.count({ where: { userId: user.id } })).toBe(rules.reportUser.limit);
    // Another account is not held back by it.
    expect((await send(await userFactory(), "queryset-laziness", body)).status).toBe(201);
  });
});

describe("the admin queue", () => {
  it("is 401 for visitors and 404 for signed-in users who are not admins", async () => {
    expect((await queue(null)).status).toBe(401);
    expect((await queue(reporter)).status).toBe(404);
    const open = await db().report.findFirstOrThrow({ where: { userId: reporter.id } });
    expect((await close(reporter, open.id, { status: "resolved", reply: "Self-approved." })).status).toBe(404);
    expect((await close(null, open.id, { status: "resolved", reply: "x" })).status).toBe(401);
    expect((await db().report.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("OPEN");
  });

  it("lists open reports oldest first with the question and the reporter, in keyset pages", async () => {
    const first = (await (await queue(admin, "?limit=2")).json()) as {
      items: { id: string; createdAt: string; question: { slug: string }; reporter: string }[];
      nextCursor: string | null;
      open: number;
    };
    const all = await db().report.findMany({
      where: { status: "OPEN" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(first.open).toBe(all.length);
    expect(first.items.map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
    expect(first.items[0]).toMatchObject({ question: { slug: "csrf-protection" }, reporter: "Rita Reporter" });
    const seen = [...first.items.map((r) => r.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await (await queue(admin, `?limit=2&cursor=${cursor}`)).json()) as typeof first;
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it.each([
    ["an unknown status", "?status=all"],
    ["a forged cursor", "?cursor=bm90LWEtY3Vyc29y"],
    [
      "a cursor of another list",
      "?cursor=eyJtb2RlIjoic3RhcnRlZCIsImtleSI6MCwic2x1ZyI6IjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMCJ9",
    ],
    ["a limit of 0", "?limit=0"],
    ["a limit of a million", "?limit=1000000"],
  ])("answers %s with 400", async (_, query) => {
    expect((await queue(admin, query)).status).toBe(400);
  });

  it("closes a report with a reply once; the reporter sees it, a second close is a 409 with the first reply", async () => {
    const open = await db().report.findFirstOrThrow({ where: { userId: reporter.id, status: "OPEN" } });
    const response = await close(admin, open.id, { status: "resolved", reply: "Fixed: GET requests need no token." });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "resolved", reply: "Fixed: GET requests need no token." });
    const again = await close(admin, open.id, { status: "dismissed", reply: "Not a problem." });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { report: { reply: string } }).report.reply).toBe(
      "Fixed: GET requests need no token.",
    );
    const seen = (await questionWorkspace(reporter.id, "csrf-protection")).report;
    expect(seen).toMatchObject({ status: "resolved", reply: "Fixed: GET requests need no token." });
    expect(seen?.closedAt).not.toBeNull();
    const closed = (await (await queue(admin, "?status=closed")).json()) as {
      items: { id: string; closedBy: string | null }[];
    };
    expect(closed.items[0]).toMatchObject({ id: open.id, closedBy: "Ada Admin" });
    // Closed, the reporter may report the question again.
    expect((await send(reporter, "csrf-protection", { reason: "typo", details: "A new typo." })).status).toBe(201);
  });

  it.each([
    ["an unknown status", { status: "open", reply: "x" }],
    ["no reply", { status: "resolved" }],
    ["an empty reply", { status: "resolved", reply: "   " }],
    ["a reply too long", { status: "resolved", reply: "x".repeat(1001) }],
  ])("refuses %s with 400 and leaves the report open", async (_, body) => {
    const open = await db().report.findFirstOrThrow({ where: { status: "OPEN" } });
    expect((await close(admin, open.id, body)).status).toBe(400);
    expect((await db().report.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("OPEN");
  });

  it("is 404 for an id that names no report and for one that is no id", async () => {
    const body = { status: "resolved", reply: "x" };
    expect((await close(admin, "00000000-0000-4000-8000-000000000000", body)).status).toBe(404);
    expect((await close(admin, "not-an-id", body)).status).toBe(404);
  });

  it("keeps a report when the admin who closed it is deleted, and drops the reporter's with their account", async () => {
    const other = await userFactory();
    await db().user.update({ where: { id: other.id }, data: { role: "ADMIN" } });
    const user = await userFactory();
    expect((await send(user, "queryset-laziness", { reason: "typo", details: "x" })).status).toBe(201);
    const sent = await db().report.findFirstOrThrow({ where: { userId: user.id } });
    expect((await close(other, sent.id, { status: "dismissed", reply: "Not a typo." })).status).toBe(200);
    await db().user.delete({ where: { id: other.id } });
    expect(await db().report.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      status: "DISMISSED",
      closedById: null,
    });
    await db().user.delete({ where: { id: user.id } });
    expect(await db().report.findUnique({ where: { id: sent.id } })).toBeNull();
  });
});

describe("reports in the account's export", () => {
  it("lists the user's own reports with the reply, in JSON and Markdown, and nobody else's or the admin's identity", async () => {
    const user = await userFactory();
    const other = await userFactory();
    const details = "The second paragraph says <b>POST</b> needs no token.";
    expect((await send(user, "csrf-protection", { reason: "wrong_answer", details })).status).toBe(201);
    expect(
      (await send(user, "queryset-laziness", { reason: "unclear", details: "Which Django version?" })).status,
    ).toBe(201);
    expect((await send(other, "csrf-protection", { reason: "typo", details: "Someone else's words." })).status).toBe(
      201,
    );
    const first = await db().report.findFirstOrThrow({
      where: { userId: user.id, question: { slug: "csrf-protection" } },
    });
    const reply = "Fixed: only safe methods skip the check.";
    expect((await close(admin, first.id, { status: "resolved", reply })).status).toBe(200);

    const json = await (await exportAs(user.id)).text();
    const document = JSON.parse(json) as { reports: Record<string, unknown>[] };
    expect(document.reports).toEqual([
      {
        question: "csrf-protection",
        reason: "wrong_answer",
        details,
        status: "resolved",
        reply,
        createdAt: first.createdAt.toISOString(),
        closedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      expect.objectContaining({
        question: "queryset-laziness",
        reason: "unclear",
        status: "open",
        reply: null,
        closedAt: null,
      }),
    ]);
    expect(json).not.toContain("Someone else's words.");
    expect(json).not.toContain(admin.id);

    const markdown = await (await exportAs(user.id, "markdown")).text();
    expect(markdown).toContain("## Problems you reported (2)");
    expect(markdown).toContain("The model answer is wrong · sent ");
    expect(markdown).toContain(details);
    expect(markdown).toContain(`**Reply**\n\n${reply}`);
    expect(markdown).not.toContain("Someone else's words.");
    const none = await (await exportAs((await userFactory()).id, "markdown")).text();
    expect(none).toContain("## Problems you reported (0)\n\n_No reports sent._");
  });

  it("is read, not written, by an import: a moved account sends no report again", async () => {
    const user = await userFactory();
    expect((await send(user, "csrf-protection", { reason: "typo", details: "Spelt 'recieve'." })).status).toBe(201);
    const document = await (await exportAs(user.id)).text();
    const fresh = await userFactory();
    const imported = await importAs(fresh.id, document);
    expect(imported.status).toBe(201);
    expect(await db().report.count({ where: { userId: fresh.id } })).toBe(0);
  });
});
