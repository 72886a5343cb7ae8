// Importing a guide from the admin area (issue #24): POST /api/admin/import through its handler on a real
// database. A dry run reports and writes nothing; the import writes in one transaction and only once; a guide
// with problems is a 400 naming each line; the command's limits hold; only admins get in.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/admin/import/route";
import { db } from "@/lib/db/client";
import { sessionCookieFor, userFactory } from "../factories";

const GUIDE = fs.readFileSync(path.resolve("tests/fixtures/guides/django-interview-guide.md"), "utf8");
type User = { id: string };

async function send(who: User | null, body: string, query = "source=django-guide&dryRun=true", type = "text/markdown") {
  const headers: Record<string, string> = { "content-type": type };
  if (who) headers.cookie = (await sessionCookieFor(who.id)).cookie;
  const request = new Request(`http://localhost/api/admin/import?${query}`, { method: "POST", headers, body });
  return route.POST(request, {} as never);
}

const counts = async () => ({ topics: await db().topic.count(), questions: await db().question.count() });

let admin: User;
let user: User;

beforeAll(async () => {
  admin = await userFactory();
  await db().user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
  user = await userFactory();
});

describe("POST /api/admin/import", () => {
  it("is 401 for a visitor and 404 for a signed-in user who is not an admin", async () => {
    expect((await send(null, GUIDE)).status).toBe(401);
    expect((await send(user, GUIDE, "source=django-guide&dryRun=false")).status).toBe(404);
    expect(await counts()).toEqual({ topics: 0, questions: 0 });
  });

  it("reports a dry run without writing", async () => {
    const response = await send(admin, GUIDE);
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      dryRun: boolean;
      plan: { questions: unknown };
      stats: { questions: number };
    };
    expect(report.dryRun).toBe(true);
    expect(report.plan.questions).toEqual({ create: 86, update: 0, unchanged: 0 });
    expect(report.stats.questions).toBe(86);
    expect(await counts()).toEqual({ topics: 0, questions: 0 });
  });

  it("imports once; the same guide again creates nothing", async () => {
    const first = (await (await send(admin, GUIDE, "source=django-guide&dryRun=false")).json()) as {
      plan: { questions: { create: number } };
    };
    expect(first.plan.questions.create).toBe(86);
    expect(await counts()).toEqual({ topics: 15, questions: 86 });
    const again = (await (await send(admin, GUIDE, "source=django-guide&dryRun=false")).json()) as {
      plan: { questions: unknown };
    };
    expect(again.plan.questions).toEqual({ create: 0, update: 0, unchanged: 86 });
    expect(await counts()).toEqual({ topics: 15, questions: 86 });
  });

  it("keeps one copy when two imports of a new guide run at once", async () => {
    const guide = "# Two at once\n\n# Concurrency\n\nWhat is a race condition?\nWhat does SELECT FOR UPDATE lock?\n";
    const statuses = await Promise.all(
      [1, 2].map(async () => (await send(admin, guide, "source=race-guide&dryRun=false")).status),
    );
    expect(statuses).toEqual([200, 200]);
    expect(await db().question.count({ where: { source: "race-guide" } })).toBe(2);
  });

  it.each([
    ["an unclosed <details>", "# Guide\n\n# Topic\n\n<details><summary>1. Question?</summary>\n\nAnswer\n", 5],
    [
      "an unclosed fence",
      "# Guide\n\n# Topic\n\n<details><summary>1. Q?</summary>\n\n```python\nx = 1\n</details>\n",
      5,
    ],
    ["no title", "Just a line\n", 1],
  ])("refuses a guide with %s with 400 naming the line, and writes nothing", async (_, guide, line) => {
    const before = await counts();
    const response = await send(admin, guide, "source=broken&dryRun=false");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: { line: number; message: string }[] };
    expect(body.problems.map((p) => p.line)).toContain(line);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a guide over 5 MB", "x".repeat(5 * 1024 * 1024 + 1), "source=big", "text/markdown", 413],
    ["JSON instead of markdown", "{}", "source=json", "application/json", 415],
    ["no source", GUIDE, "dryRun=true", "text/markdown", 400],
    ["a source of punctuation only", GUIDE, "source=---", "text/markdown", 400],
    ["dryRun that is not a boolean", GUIDE, "source=x&dryRun=maybe", "text/markdown", 400],
    ["a NUL byte", "# Guide\n\n# Topic\n\nWhat\u0000?\n", "source=nul", "text/markdown", 400],
    [
      "a guide without questions",
      "# Guide\n\nOnly an introduction.\n",
      "source=empty&dryRun=false",
      "text/markdown",
      400,
    ],
  ])("refuses %s", async (_, body, query, type, status) => {
    const before = await counts();
    expect((await send(admin, body, query, type)).status).toBe(status);
    expect(await counts()).toEqual(before);
  });
});
