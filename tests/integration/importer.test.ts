import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { importGuide } from "@/lib/content/importer/import-guide";
import { parseGuide } from "@/lib/content/importer/parse-guide";

const seedGuide = parseGuide(fs.readFileSync(path.resolve("tests/fixtures/guides/django-interview-guide.md"), "utf8"));
const counts = async () => ({ topics: await db().topic.count(), questions: await db().question.count() });

describe("importing a guide", () => {
  it("writes nothing on a dry run but reports what it would do", async () => {
    const plan = await importGuide(db(), seedGuide, { source: "django-interview-guide", dryRun: true });
    expect(plan.topics.create).toHaveLength(15);
    expect(plan.questions).toEqual({ create: 86, update: 0, unchanged: 0 });
    expect(await counts()).toEqual({ topics: 0, questions: 0 });
  });

  it("imports all questions once; a second import creates nothing", async () => {
    const first = await importGuide(db(), seedGuide, { source: "django-interview-guide", dryRun: false });
    expect(first.questions.create).toBe(86);
    expect(await counts()).toEqual({ topics: 15, questions: 86 });
    const second = await importGuide(db(), seedGuide, { source: "django-interview-guide", dryRun: false });
    expect(second.questions).toEqual({ create: 0, update: 0, unchanged: 86 });
    expect(second.topics.create).toEqual([]);
    expect(await counts()).toEqual({ topics: 15, questions: 86 });
  });

  it("stores unanswered questions with an empty answer and repaired text", async () => {
    const session = await db().question.findFirstOrThrow({
      where: { sourceRef: "Explain Django’s session framework?" },
    });
    expect(session.modelAnswer).toBe("");
    const orm = await db().question.findFirstOrThrow({ where: { sourceRef: "How does Django ORM work?" } });
    expect(orm.modelAnswer).toContain("→");
    expect(orm.modelAnswer).not.toMatch(/â€|â†/);
  });

  it("matches topics that already exist by name, ignoring case and asides", async () => {
    await db().topic.create({ data: { slug: "zp", name: "Zebra Patterns", order: 99 } });
    const guide = parseGuide("# G\n\n# ZEBRA patterns (ZP)\nWhat is a stripe?\n");
    const plan = await importGuide(db(), guide, { source: "small-guide", dryRun: false });
    expect(plan.topics).toEqual({ create: [], existing: ["ZEBRA patterns (ZP)"] });
    expect(
      (await db().question.findFirstOrThrow({ where: { source: "small-guide" }, include: { topic: true } })).topic.slug,
    ).toBe("zp");
  });
});
