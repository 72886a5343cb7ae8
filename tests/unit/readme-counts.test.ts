// The README states what the bank holds; the numbers come from seed/, so this test fails when they drift.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readContent } from "@/seed/content";

const BEYOND_DJANGO: Record<string, string> = {
  python: "Python",
  "sql-postgresql": "SQL and PostgreSQL",
  "http-web": "HTTP, REST and the web",
};

/** The README's sentence for the bank as it is in seed/. */
export function bankSentence(dir = path.resolve("seed")): string {
  const content = readContent(dir);
  const written = content.questions.filter((q) => q.kind === "written");
  const topics = new Set(written.map((q) => q.topic));
  const django = written.filter((q) => !(q.topic in BEYOND_DJANGO));
  const djangoTopics = new Set(django.map((q) => q.topic));
  const others = Object.entries(BEYOND_DJANGO).map(
    ([slug, name]) => `${written.filter((q) => q.topic === slug).length} on ${name}`,
  );
  const python = content.problems.filter((p) => p.language === "python");
  const algorithms = python.filter((p) => p.topic === "algorithms").length;
  const sql = content.problems.length - python.length;
  return (
    `${written.length} written questions in ${topics.size} topics (${django.length} on Django and your projects in ` +
    `${djangoTopics.size} topics, ${others.join(", ")}), ${python.length} Python problems ` +
    `(${python.length - algorithms} Django-flavoured, ${algorithms} algorithm problems), ${sql} SQL problems ` +
    `that run on PostgreSQL in the browser and ${content.companies.length} interview formats`
  );
}

describe("the README", () => {
  it("states the bank's size as seed/ holds it", () => {
    const readme = fs.readFileSync(path.resolve("README.md"), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(bankSentence());
  });
});
