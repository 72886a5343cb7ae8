// Splits the bank's texts into the units a claim lives in, for tests/unit/content-claims.test.ts: a block (a
// paragraph, a list item or a whole code block, with the heading it sits under, since "they" in a list item
// means what the heading names) and the sentences of that block.
import fs from "node:fs";
import path from "node:path";
import { keyPointText } from "@/lib/schemas/content";
import type { Content } from "@/seed/content";

export type Source = { where: string; text: string };

const FENCE = /^\s*(```|~~~)/;
const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s/;
const HEADING = /^\s*(#{1,6}\s.*|\*\*[^*]+\*\*:?)\s*$/;

/** Paragraphs, list items and code blocks, each prefixed with the last heading above it. */
export function blocks(markdown: string): string[] {
  const out: string[] = [];
  let heading = "";
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current.length) out.push([heading, ...current].filter(Boolean).join("\n"));
    current = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    if (FENCE.test(line)) {
      if (!inFence) flush();
      current.push(line);
      inFence = !inFence;
      if (!inFence) flush();
    } else if (inFence) {
      current.push(line);
    } else if (!line.trim()) {
      flush();
    } else if (HEADING.test(line)) {
      flush();
      heading = line.trim();
    } else {
      if (LIST_ITEM.test(line)) flush();
      current.push(line);
    }
  }
  flush();
  return out;
}

/** Sentences: split after . ! or ? where the next one starts with a capital, a quote, code or emphasis. */
export function sentences(block: string): string[] {
  return block.split(/(?<=[.!?])\s+(?=[A-Z`*"(_[])|\n/).filter((s) => s.trim());
}

function files(dir: string, ext: RegExp): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name), ext) : ext.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

/** What users read: the bank's questions, problems and company profiles, the READMEs, and the pages' own text. */
export function readableSources(content: Content): Source[] {
  const bank = [...content.questions, ...content.problems].flatMap((q) => [
    { where: `${q.slug} title`, text: q.title },
    { where: `${q.slug} prompt`, text: q.prompt },
    { where: `${q.slug} model answer`, text: q.modelAnswer },
    ...q.keyPoints.map((p, i) => ({ where: `${q.slug} key point ${i + 1}`, text: keyPointText(p) })),
  ]);
  const companies = content.companies.flatMap((c) => [
    { where: `${c.slug} description`, text: c.description },
    { where: `${c.slug} style notes`, text: c.styleNotes },
  ]);
  const pages = ["README.md", "seed/README.md", ...files("app", /\.tsx$/), ...files("components", /\.tsx$/)].map(
    (file) => ({ where: file, text: fs.readFileSync(file, "utf8") }),
  );
  return [...bank, ...companies, ...pages];
}
