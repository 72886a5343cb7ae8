// No two questions of the bank say the same thing: the key-point overlap of every pair (tests/support/key-point-overlap.ts)
// stays at or below the threshold seed/README.md documents. It prints the closest pairs, to review before they
// become duplicates.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readContent } from "@/seed/content";
import { OVERLAP_THRESHOLD, overlapPairs, type OverlapQuestion } from "../support/key-point-overlap";

const content = readContent();
const bank: OverlapQuestion[] = [...content.questions, ...content.problems];
const merged = (
  JSON.parse(fs.readFileSync(path.resolve("tests/fixtures/merged-pairs.json"), "utf8")) as {
    pairs: { kept: OverlapQuestion; former: OverlapQuestion }[];
  }
).pairs;
const show = (p: { a: string; b: string; overlap: number }) => `${p.overlap.toFixed(3)}  ${p.a} ~ ${p.b}`;

describe("key-point overlap between questions", () => {
  it(`keeps every pair of the bank at or below ${OVERLAP_THRESHOLD}`, () => {
    const pairs = overlapPairs(bank);
    console.log(`closest pairs (threshold ${OVERLAP_THRESHOLD}):\n${pairs.slice(0, 10).map(show).join("\n")}`);
    expect(pairs.filter((p) => p.overlap > OVERLAP_THRESHOLD).map(show)).toEqual([]);
  });

  it("would have failed on the bank before the merges of issue #23", () => {
    // The bank as it was: the five kept questions as they were, and the five merged into them.
    const keptSlugs = new Set(merged.map((m) => m.kept.slug));
    const before = [...bank.filter((q) => !keptSlugs.has(q.slug)), ...merged.flatMap((m) => [m.kept, m.former])];
    const pairs = overlapPairs(before);
    const scoreOf = (m: (typeof merged)[number]) =>
      pairs.find((p) => [p.a, p.b].sort().join() === [m.kept.slug, m.former.slug].sort().join())!.overlap;
    console.log(merged.map((m) => show({ a: m.kept.slug, b: m.former.slug, overlap: scoreOf(m) })).join("\n"));
    // Caught: the pairs that repeat each other's key points. Not caught (documented in seed/README.md): the
    // migration and async-view pairs, worded apart, score below pairs that are related but distinct.
    expect(merged.filter((m) => scoreOf(m) > OVERLAP_THRESHOLD).map((m) => m.former.slug)).toEqual([
      "django-password-storage-hashers",
      "custom-managers-and-querysets",
      "xss-where-autoescaping-falls-short",
    ]);
  });

  it("reports a question added twice under two slugs", () => {
    const copy = { ...bank[0]!, slug: `${bank[0]!.slug}-again` };
    const pairs = overlapPairs([...bank, copy]);
    expect(pairs[0]).toEqual({ a: bank[0]!.slug, b: copy.slug, overlap: 1 });
    expect(pairs[0]!.overlap).toBeGreaterThan(OVERLAP_THRESHOLD);
  });
});
