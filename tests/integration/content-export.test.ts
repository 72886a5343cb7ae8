// `npm run content -- export` (issue #24): the database's content in the seed/ layout. The round trip is the
// test: seed/ loaded, exported and read back is seed/ again (every topic, profile, question with its rubric, and
// problem with its code and tests), seeding the export changes nothing, and an edit made in the app comes out in
// the files, after which the seed no longer holds it apart.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveQuestion, editableQuestion } from "@/lib/data/question-editor";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { currentContent, exportContent, writeContent } from "@/seed/export";
import { userFactory } from "../factories";

const SEED = path.resolve("seed");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-export-"));
const seed = readContent(SEED);

async function exportTo(dir: string) {
  const result = await exportContent(db(), currentContent(SEED));
  writeContent(dir, result.files);
  return result;
}

beforeAll(async () => {
  await loadBank(db(), seed);
}, 120_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe("exporting the content", () => {
  it("gives back seed/ as it was: every file, in its order, with rubrics, problems' code and tests", async () => {
    const result = await exportTo(out);
    expect(result.skippedProblems).toEqual([]);
    const back = readContent(out);
    expect(back.topics).toEqual(seed.topics);
    expect(back.companies).toEqual(seed.companies);
    expect(back.questions.map((q) => q.slug)).toEqual(seed.questions.map((q) => q.slug));
    expect(back.questions).toEqual(seed.questions);
    expect(back.problems).toEqual(seed.problems);
    expect(back.packs).toEqual(seed.packs);
    // The files' own JSON, key for key and character for character (in seed/'s canonical form, JSON.stringify with
    // two spaces): `git diff` after exporting into seed/ shows only what changed.
    const files = [
      "topics.json",
      "companies.json",
      "packs.json",
      ...["questions", "problems"].flatMap((d) =>
        fs
          .readdirSync(path.join(SEED, d))
          .filter((f) => f.endsWith(".json"))
          .map((f) => `${d}/${f}`),
      ),
    ];
    const canonical = (file: string) => `${JSON.stringify(JSON.parse(fs.readFileSync(file, "utf8")), null, 2)}\n`;
    const differ = files.filter((f) => fs.readFileSync(path.join(out, f), "utf8") !== canonical(path.join(SEED, f)));
    expect(differ).toEqual([]);
  }, 60_000);

  it("is a fixed point: seeding the export changes nothing", async () => {
    const report = await loadBank(db(), readContent(out));
    expect(report.questions).toMatchObject({ created: 0, updated: 0, archived: 0, restored: 0, keptEdited: 0 });
    expect(report.problems).toEqual({ created: 0, updated: 0 });
    expect(report.topics).toEqual({ created: 0, updated: 0, keptEdited: 0 });
    expect(report.companies).toEqual({ created: 0, updated: 0, keptEdited: 0 });
  }, 60_000);

  it("carries an edit made in the app into the files; seeded, the question is the files' again", async () => {
    const admin = await userFactory();
    const slug = seed.questions[0]!.slug;
    const before = await editableQuestion(slug);
    await saveQuestion(admin.id, slug, {
      ...before.fields,
      title: `${before.fields.title} (edited in the app)`,
      revision: before.revision,
      reason: "Export test",
    });
    expect((await loadBank(db(), seed)).questions.keptEdited).toBe(1);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-export-edit-"));
    try {
      await exportTo(dir);
      const exported = readContent(dir).questions.find((q) => q.slug === slug)!;
      expect(exported.title).toBe(`${before.fields.title} (edited in the app)`);
      // The editor saves an authored rubric: the file holds it, concept by concept.
      expect(exported.keyPoints.every((p) => typeof p !== "string")).toBe(true);
      const report = await loadBank(db(), readContent(dir));
      expect(report.questions).toMatchObject({ updated: 0, keptEdited: 0 });
      expect((await db().question.findUniqueOrThrow({ where: { slug } })).editedAt).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("runs as `npm run content -- export DIR`, and refuses to run without a directory", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-export-cli-"));
    try {
      const tsx = path.resolve("node_modules/.bin/tsx");
      const ran = spawnSync(tsx, ["lib/cli/content.ts", "export", dir], { encoding: "utf8", env: process.env });
      expect(ran.stderr).toBe("");
      expect(ran.status).toBe(0);
      expect(ran.stdout).toMatch(/Wrote \d+ files to /);
      expect(readContent(dir).questions.length).toBe(seed.questions.length);
      const bad = spawnSync(tsx, ["lib/cli/content.ts", "export"], { encoding: "utf8", env: process.env });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("Usage: npm run content -- export <dir>");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
