// The database's content in the seed/ file layout (`npm run content -- export DIR`, issue #24), so what admins
// changed in the app can be reviewed and committed; seeding the output changes nothing (tested).
//
// - topics.json, companies.json and questions/<topic>.json come from the database: live written questions, their
//   key points with the authored rubric (or as sentences while the rubric is the one derived from them).
// - problems/<slug>.json: the current file with the database's question fields, code and wrong solutions written
//   over it, and a Python problem's tests (a SQL problem's tests are its schema and rows in the file; the database
//   keeps them built into statements); a problem with no file is left out and named.
// - packs.json (which topics ship as which built-in pack) is copied as it is: the app does not edit it.
// - Questions and their companies keep the order of the current files (new ones last), in seed/'s canonical JSON,
//   so `git diff` shows the change and nothing else.
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../lib/db/prisma-client";
import { scoredPoints } from "../lib/scoring/derive";
import type { ZodType } from "zod";
import {
  companyContentSchema,
  problemContentSchema,
  questionContentSchema,
  topicSchema,
  type ContentKeyPoint,
} from "../lib/schemas/content";
import { readContent, type Content } from "./content";
import { canonicalJson } from "../lib/content/canonical-json";

const FREQUENCY_NAMES = ["low", "medium", "high"] as const;

type Item = { slug: string } & Record<string, unknown>;
type QuestionFile = Item;
/** The files' own JSON of each item, by slug (questions and problems from every file). */
type RawContent = Record<"topics" | "companies" | "questions" | "problems", Map<string, unknown>>;
/** `packs`: packs.json as written (which topics ship as which built-in pack: not edited in the app, kept as is). */
export type CurrentContent = { content: Content; raw: RawContent; packs?: unknown };

export type ExportResult = {
  files: Record<string, unknown>;
  /** Coding problems in the database with no file in the current content to take their code and tests from. */
  skippedProblems: string[];
};

/** The content as files (relative path -> JSON value), read from `db`, with `current` for order and problems. */
export async function exportContent(db: PrismaClient, existing: CurrentContent | null): Promise<ExportResult> {
  const current = existing?.content ?? null;
  const raw = existing?.raw ?? { topics: new Map(), companies: new Map(), questions: new Map(), problems: new Map() };
  const [topics, companies, questions] = await Promise.all([
    db.topic.findMany({ orderBy: [{ order: "asc" }, { slug: "asc" }] }),
    db.companyProfile.findMany({ orderBy: { slug: "asc" } }),
    db.question.findMany({
      where: { archivedAt: null },
      include: {
        topic: { select: { slug: true } },
        companies: { include: { company: { select: { slug: true } } } },
        coding: true,
      },
      orderBy: { slug: "asc" },
    }),
  ]);
  const files: Record<string, unknown> = {
    "topics.json": topics.map((t) =>
      asWritten({ slug: t.slug, name: t.name, order: t.order }, topicSchema, current?.topics, raw.topics),
    ),
    "companies.json": orderedLike(
      companies.map((c) =>
        asWritten(
          {
            slug: c.slug,
            name: c.name,
            description: c.description,
            durationMinutes: c.durationMinutes,
            questionCount: c.questionCount,
            topicWeights: c.topicWeights,
            difficultyMix: c.difficultyMix,
            codingProblems: c.codingProblems,
            styleNotes: c.styleNotes,
          },
          companyContentSchema,
          current?.companies,
          raw.companies,
        ),
      ),
      current?.companies.map((c) => c.slug) ?? [],
    ),
  };
  if (existing?.packs !== undefined) files["packs.json"] = existing.packs;
  const byTopic = new Map<string, QuestionFile[]>();
  const problems = new Map((current?.problems ?? []).map((p) => [p.slug, p]));
  const skippedProblems: string[] = [];
  // A question's companies in the order its file lists them.
  const companyOrder = new Map(
    [...(current?.questions ?? []), ...(current?.problems ?? [])].map((q) => [q.slug, q.companies.map((c) => c.slug)]),
  );
  for (const q of questions) {
    const rubric = q.rubric as { derived?: boolean } | null;
    const keyPoints: ContentKeyPoint[] =
      rubric?.derived === false
        ? scoredPoints(q.keyPoints, q.rubric).map(({ text, rubric: r }) => ({
            text,
            concepts: r.concepts,
            disqualifiers: r.disqualifiers ?? [],
          }))
        : q.keyPoints;
    const links = orderedLike(
      q.companies.map((link) => ({
        slug: link.company.slug,
        ...(link.frequency ? { frequency: FREQUENCY_NAMES[link.frequency - 1]! } : {}),
      })),
      companyOrder.get(q.slug) ?? [],
    );
    const common = {
      slug: q.slug,
      title: q.title,
      prompt: q.prompt,
      modelAnswer: q.modelAnswer,
      keyPoints,
      difficulty: q.difficulty.toLowerCase(),
    };
    if (q.kind === "CODING") {
      const file = problems.get(q.slug);
      if (!file) {
        skippedProblems.push(q.slug);
        continue;
      }
      // The code and wrong solutions as the database has them (the editor may have changed them), and a Python
      // problem's tests; a SQL problem's tests stay as the file writes them (its schema and rows).
      const code = q.coding
        ? {
            starterCode: q.coding.starterCode,
            solution: q.coding.solution,
            wrongSolutions: q.coding.wrongSolutions,
            ...(q.coding.language === "PYTHON"
              ? { visibleTests: q.coding.visibleTests, hiddenTests: q.coding.hiddenTests }
              : {}),
          }
        : {};
      files[`problems/${q.slug}.json`] = asWritten(
        {
          ...file,
          ...common,
          topic: q.topic.slug,
          tags: q.tags,
          estimatedMinutes: q.estimatedMinutes,
          companies: links,
          ...code,
        },
        problemContentSchema,
        current?.problems,
        raw.problems,
      );
      continue;
    }
    const list = byTopic.get(q.topic.slug) ?? [];
    list.push(
      asWritten(
        {
          ...common,
          tags: q.tags,
          estimatedMinutes: q.estimatedMinutes,
          source: { name: q.source, ...(q.sourceRef ? { ref: q.sourceRef } : {}) },
          companies: links,
          ...(q.formerSlugs.length ? { formerSlugs: q.formerSlugs } : {}),
        },
        questionContentSchema,
        current?.questions.map((question) => ({ ...question, topic: undefined })),
        raw.questions,
      ),
    );
    byTopic.set(q.topic.slug, list);
  }
  for (const [topic, list] of byTopic) {
    const order = (current?.questions ?? []).filter((q) => q.topic === topic).map((q) => q.slug);
    files[`questions/${topic}.json`] = orderedLike(list, order);
  }
  return { files, skippedProblems };
}

/** Items in the order their slugs have in `order`, the others after them by slug. */
function orderedLike<T extends { slug: unknown }>(items: T[], order: string[]): T[] {
  const at = new Map(order.map((slug, i) => [slug, i]));
  const rank = (item: T) => at.get(String(item.slug)) ?? order.length;
  return [...items].sort((a, b) => rank(a) - rank(b) || String(a.slug).localeCompare(String(b.slug)));
}

/**
 * Writes the files under `dir` (created if needed) in seed/'s canonical form, JSON.stringify with two spaces (the
 * form .prettierignore leaves seed/ JSON in), so a file nobody changed comes out byte for byte the same.
 */
export function writeContent(dir: string, files: Record<string, unknown>): string[] {
  const written: string[] = [];
  for (const [relative, value] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
    written.push(relative);
  }
  return written;
}

/** The current content to export against (parsed, and as its files spell it), or null when `dir` holds none. */
export function currentContent(dir: string): CurrentContent | null {
  if (!fs.existsSync(path.join(dir, "topics.json"))) return null;
  const read = (file: string): unknown[] => {
    const value: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    return Array.isArray(value) ? value : [value];
  };
  const bySlug = (items: unknown[]) =>
    new Map(items.map((item) => [String((item as { slug?: unknown }).slug), item] as const));
  const list = (sub: string) =>
    fs.existsSync(path.join(dir, sub))
      ? fs
          .readdirSync(path.join(dir, sub))
          .filter((f) => f.endsWith(".json"))
          .flatMap((f) => read(`${sub}/${f}`))
      : [];
  return {
    content: readContent(dir),
    raw: {
      topics: bySlug(read("topics.json")),
      companies: bySlug(fs.existsSync(path.join(dir, "companies.json")) ? read("companies.json") : []),
      questions: bySlug(list("questions")),
      problems: bySlug(list("problems")),
    },
    ...(fs.existsSync(path.join(dir, "packs.json"))
      ? { packs: JSON.parse(fs.readFileSync(path.join(dir, "packs.json"), "utf8")) as unknown }
      : {}),
  };
}

/**
 * An item as the file should hold it: the file's own JSON when it means what the database holds (the schema reads
 * both the same: trimmed text, defaults), so an unchanged item is unchanged byte for byte; otherwise the
 * database's, with keys in the file's order.
 */
function asWritten<T extends { slug: string }>(
  fresh: T,
  schema: ZodType,
  parsed: { slug: string }[] | undefined,
  raw: Map<string, unknown>,
): T {
  const before = parsed?.find((item) => item.slug === fresh.slug);
  const written = raw.get(fresh.slug);
  if (before && written !== undefined) {
    const read = schema.safeParse(fresh);
    if (read.success && canonicalJson(read.data) === canonicalJson(before)) return written as T;
  }
  return written === undefined ? fresh : (shapedLike(fresh, written) as T);
}

/** `value` with its objects' keys in the order `template`'s have them (new keys last), recursively. */
function shapedLike(value: unknown, template: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => shapedLike(item, Array.isArray(template) ? template[i] : undefined));
  if (!value || typeof value !== "object") {
    // A text the schema trims is written as the file had it when only the trimming differs.
    return typeof value === "string" && typeof template === "string" && template.trim() === value ? template : value;
  }
  const model =
    template && typeof template === "object" && !Array.isArray(template) ? (template as Record<string, unknown>) : {};
  const entries = Object.entries(value as Record<string, unknown>);
  const known = Object.keys(model).filter((key) => key in (value as object));
  const order = [...known, ...entries.map(([key]) => key).filter((key) => !(key in model))];
  return Object.fromEntries(order.map((key) => [key, shapedLike((value as Record<string, unknown>)[key], model[key])]));
}
