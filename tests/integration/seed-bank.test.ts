import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { ContentError, readContent } from "@/seed/content";

const fixture = path.resolve("tests/fixtures/content");

function copyFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-content-"));
  fs.cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe("the content loader", () => {
  it("creates topics, profiles and questions, then changes nothing on a second run", async () => {
    const first = await loadBank(db(), readContent(fixture));
    expect(first.topics).toEqual({ created: 2, updated: 0, keptEdited: 0 });
    expect(first.companies).toEqual({ created: 1, updated: 0, keptEdited: 0 });
    expect(first.questions).toEqual({ created: 3, updated: 0, archived: 0, restored: 0, unchanged: 0, keptEdited: 0 });
    const before = await db().question.findMany({ orderBy: { slug: "asc" } });

    const second = await loadBank(db(), readContent(fixture));
    expect(second.topics).toEqual({ created: 0, updated: 0, keptEdited: 0 });
    expect(second.companies).toEqual({ created: 0, updated: 0, keptEdited: 0 });
    expect(second.questions).toEqual({ created: 0, updated: 0, archived: 0, restored: 0, unchanged: 3, keptEdited: 0 });
    expect(await db().question.findMany({ orderBy: { slug: "asc" } })).toEqual(before);

    const link = await db().questionCompany.findFirstOrThrow({
      where: { question: { slug: "prefetch-related-explained" } },
    });
    expect(link.frequency).toBe(3);
  });

  it("updates what changed, archives what left the files (without deleting it) and restores it when it returns", async () => {
    const dir = copyFixture();
    const alpha = path.join(dir, "questions/alpha.json");
    const questions = JSON.parse(fs.readFileSync(alpha, "utf8"));
    questions[0].title = "When is prefetch_related the better choice?";
    const removed = questions.pop();
    fs.writeFileSync(alpha, JSON.stringify(questions));

    const report = await loadBank(db(), readContent(dir));
    expect(report.questions).toMatchObject({ updated: 1, archived: 1, unchanged: 1 });
    const archived = await db().question.findUniqueOrThrow({ where: { slug: removed.slug } });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await db().question.findUniqueOrThrow({ where: { slug: "prefetch-related-explained" } })).title).toBe(
      "When is prefetch_related the better choice?",
    );

    const back = await loadBank(db(), readContent(fixture));
    expect(back.questions).toMatchObject({ restored: 1, updated: 1 });
    expect((await db().question.findUniqueOrThrow({ where: { slug: removed.slug } })).archivedAt).toBeNull();
  });

  it("never touches users or questions from other sources", async () => {
    const topic = await db().topic.findFirstOrThrow();
    await db().question.create({
      data: {
        slug: "imported-one",
        title: "Imported?",
        prompt: "Imported?",
        modelAnswer: "",
        keyPoints: [],
        difficulty: "MEDIUM",
        topicId: topic.id,
        tags: [],
        estimatedMinutes: 5,
        source: "someone-elses-guide",
      },
    });
    const user = await db().user.create({ data: { email: "keep-me@example.test" } });
    await loadBank(db(), readContent(fixture));
    expect((await db().question.findUniqueOrThrow({ where: { slug: "imported-one" } })).archivedAt).toBeNull();
    expect(await db().user.findUnique({ where: { id: user.id } })).not.toBeNull();
  });

  it("rejects invalid content with the file and field, and writes nothing", async () => {
    const dir = copyFixture();
    const beta = path.join(dir, "questions/beta.json");
    const questions = JSON.parse(fs.readFileSync(beta, "utf8"));
    questions[0].keyPoints = ["only one"];
    questions[0].modelAnswer = "Djangoâ€™s broken characters";
    fs.writeFileSync(beta, JSON.stringify(questions));
    expect(() => readContent(dir)).toThrowError(ContentError);
    try {
      readContent(dir);
    } catch (error) {
      expect((error as Error).message).toContain("beta.json is invalid");
      expect((error as Error).message).toContain("0.keyPoints: needs 3 to 6 key points");
      expect((error as Error).message).toContain("0.modelAnswer: contains broken characters");
    }
  });

  it("rejects a question naming an unknown company or a file without a topic", () => {
    const dir = copyFixture();
    fs.writeFileSync(path.join(dir, "questions/gamma.json"), "[]");
    expect(() => readContent(dir)).toThrowError(/no topic "gamma" in topics.json/);
  });
});
