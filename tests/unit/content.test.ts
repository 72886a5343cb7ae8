import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGuide } from "@/lib/content/importer/parse-guide";
import { keyPointText, MOJIBAKE } from "@/lib/schemas/content";
import { rubricOfContent } from "@/lib/scoring/derive";
import { keyPointCoverage } from "@/lib/scoring/match";
import { builtInPacksSchema } from "@/lib/schemas/pack";
import { builtInPackSlugs, readContent } from "@/seed/content";

const content = readContent();
const guide = parseGuide(fs.readFileSync(path.resolve("tests/fixtures/guides/django-interview-guide.md"), "utf8"));

function seedFiles(dir = path.resolve("seed")): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? seedFiles(path.join(dir, entry.name))
        : entry.name.endsWith(".json")
          ? [path.join(dir, entry.name)]
          : [],
    );
}

describe("the built-in packs (seed/packs.json)", () => {
  it("ship every topic of the seed in exactly one pack, each pack holding questions", () => {
    const owners = content.topics.map((t) => content.packs.filter((p) => p.topics.includes(t.slug)).length);
    expect(
      owners.every((n) => n === 1),
      content.topics.map((t, i) => `${t.slug}: ${owners[i]}`).join(", "),
    ).toBe(true);
    expect(content.packs.map((p) => p.name)).toEqual(["django", "python", "sql", "web", "algorithms"]);
    const slugs = builtInPackSlugs(content);
    expect([...slugs.values()].flat().sort()).toEqual(
      [...content.questions, ...content.problems].map((q) => q.slug).sort(),
    );
    for (const [name, held] of slugs) expect(held.length, name).toBeGreaterThan(10);
  });

  it("must name topics the content has, and be valid JSON of that shape, or the seed stops and says why", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-packs-json-"));
    try {
      fs.cpSync(path.resolve("tests/fixtures/content"), dir, { recursive: true });
      const write = (text: string) => fs.writeFileSync(path.join(dir, "packs.json"), text);
      write(JSON.stringify([{ name: "core", title: "Core", version: "1", topics: ["alpha", "gamma"] }]));
      expect(() => readContent(dir)).toThrow('packs.json: core holds unknown topic "gamma"');
      write("[{");
      expect(() => readContent(dir)).toThrow(/packs\.json: .*JSON/);
      write(JSON.stringify({ name: "core" }));
      expect(() => readContent(dir)).toThrow(/packs\.json is invalid/);
      write(JSON.stringify([{ name: "core", title: "Core", version: "1", topics: ["alpha"] }]));
      expect(readContent(dir).packs).toEqual([
        { name: "core", title: "Core", version: "1", description: "", topics: ["alpha"] },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const pack = { name: "core", title: "Core", version: "1", topics: ["alpha"] };
  it.each([
    ["a name used twice", [pack, { ...pack, topics: ["beta"] }], 'the pack name "core" is used twice'],
    ["a topic in two packs", [pack, { ...pack, name: "other" }], 'the topic "alpha" is in both "core" and "other"'],
    ["a pack without topics", [{ ...pack, topics: [] }], "Too small"],
    ["an unknown field", [{ ...pack, questions: [] }], "Unrecognized key"],
    ["a slug that is not one", [{ ...pack, name: "Not A Slug" }], ""],
  ])("refuse %s", (_, packs, message) => {
    const result = builtInPacksSchema.safeParse(packs);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join(" | ")).toContain(message);
  });
});

describe("the seed content", () => {
  it("holds at least 140 questions and 5 company profiles", () => {
    expect(content.questions.length).toBeGreaterThanOrEqual(140);
    expect(content.companies.map((c) => c.slug)).toEqual(expect.arrayContaining(["deloitte", "jpmorgan", "mckinsey"]));
    expect(content.companies.length).toBeGreaterThanOrEqual(5);
  });

  it("gives every key point of every question and problem an authored rubric, which its own model answer satisfies", () => {
    const all = [
      ...content.questions,
      ...content.problems.map((p) => ({ ...p, modelAnswer: `${p.modelAnswer}\n\n${p.solution}` })),
    ];
    const unauthored = all.flatMap((q) =>
      q.keyPoints.filter((p) => typeof p === "string").map((p) => `${q.slug}: ${keyPointText(p)}`),
    );
    expect(unauthored).toEqual([]);
    const missedByOwnAnswer = all.flatMap((q) => {
      const rubric = rubricOfContent(q.keyPoints);
      const { points } = keyPointCoverage(
        q.modelAnswer,
        q.keyPoints.map((p, i) => ({ text: keyPointText(p), rubric: rubric.points[i]! })),
      );
      return points.filter((p) => !p.covered).map((p) => `${q.slug}: ${p.point} (not heard: ${p.missing.join("; ")})`);
    });
    expect(missedByOwnAnswer).toEqual([]);
  });

  it("contains every one of the guide's 86 questions, traceable through its source", () => {
    const refs = new Set(
      content.questions.filter((q) => q.source.name === "django-interview-guide").map((q) => q.source.ref),
    );
    const missing = guide.topics.flatMap((t) => t.questions.map((q) => q.text)).filter((text) => !refs.has(text));
    expect(missing).toEqual([]);
    expect(refs.size).toBe(86);
  });

  it("gives every question a model answer and 3 to 6 key points", () => {
    for (const q of content.questions) {
      expect(q.modelAnswer.trim().length, q.slug).toBeGreaterThan(100);
      expect(q.keyPoints.length, q.slug).toBeGreaterThanOrEqual(3);
      expect(q.keyPoints.length, q.slug).toBeLessThanOrEqual(6);
    }
  });

  it("has no mojibake anywhere in the files", () => {
    for (const file of seedFiles()) expect(MOJIBAKE.test(fs.readFileSync(file, "utf8")), file).toBe(false);
  });

  it("closes every markdown code fence", () => {
    for (const q of content.questions) {
      for (const text of [q.prompt, q.modelAnswer]) expect((text.match(/^\s*```/gm)?.length ?? 0) % 2, q.slug).toBe(0);
    }
  });

  it("can fill every company profile from the bank", () => {
    for (const company of content.companies) {
      const topics = new Set(Object.keys(company.topicWeights));
      const pool = content.questions.filter((q) => topics.has(q.topic) && q.kind === "written");
      const problems = content.problems.filter((p) => topics.has(p.topic));
      // Each weighted topic has something to ask: written questions, or coding problems in a profile that asks for them.
      for (const topic of topics)
        expect(
          pool.some((q) => q.topic === topic) ||
            (company.codingProblems > 0 && problems.some((p) => p.topic === topic)),
          `${company.slug}: nothing to ask in ${topic}`,
        ).toBe(true);
      expect(problems.length, `${company.slug}: coding problems`).toBeGreaterThanOrEqual(company.codingProblems * 2);
      if (company.codingProblems > 1)
        for (const level of ["easy", "medium", "hard"] as const)
          expect(
            problems.filter((p) => p.difficulty === level).length,
            `${company.slug}: ${level} coding problems`,
          ).toBeGreaterThanOrEqual(Math.ceil(company.difficultyMix[level] * company.codingProblems));
      const written = company.questionCount - company.codingProblems;
      expect(pool.length, `${company.slug}: pool`).toBeGreaterThanOrEqual(written * 2);
      for (const level of ["easy", "medium", "hard"] as const) {
        const needed = Math.ceil(company.difficultyMix[level] * written);
        expect(pool.filter((q) => q.difficulty === level).length, `${company.slug}: ${level}`).toBeGreaterThanOrEqual(
          needed,
        );
      }
    }
  });
});
