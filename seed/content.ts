// Reads and validates the content files in seed/: topics.json, companies.json, questions/<topic>.json,
// problems/<slug>.json (coding problems) and packs.json (which topics ship as which built-in pack).
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readEnv } from "../lib/config";
import {
  companyContentSchema,
  problemContentSchema,
  questionContentSchema,
  type ProblemContent,
  topicSchema,
  type CompanyContent,
  type QuestionContent,
  type TopicContent,
} from "../lib/schemas/content";
import { builtInPacksSchema, type BuiltInPack } from "../lib/schemas/pack";

export type Content = {
  topics: TopicContent[];
  companies: CompanyContent[];
  questions: (QuestionContent & { topic: string })[];
  problems: ProblemContent[];
  /** The built-in packs (packs.json, optional): which topics ship as which pack. */
  packs: BuiltInPack[];
};

export class ContentError extends Error {}

/** CONTENT_DIR, relative to the repository root where every command runs; "seed" by default. */
export function contentDir(): string {
  return path.resolve(readEnv().CONTENT_DIR);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(`${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
  }
}

function parse<T extends z.ZodType>(schema: T, data: unknown, file: string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ContentError(`${path.relative(process.cwd(), file)} is invalid:\n${lines.join("\n")}`);
}

export function readContent(dir = contentDir()): Content {
  const topicsFile = path.join(dir, "topics.json");
  const topics = parse(z.array(topicSchema), readJson(topicsFile), topicsFile);
  const companiesFile = path.join(dir, "companies.json");
  const companies = fs.existsSync(companiesFile)
    ? parse(z.array(companyContentSchema), readJson(companiesFile), companiesFile)
    : [];
  const questionsDir = path.join(dir, "questions");
  const files = fs.existsSync(questionsDir)
    ? fs
        .readdirSync(questionsDir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];

  const issues: string[] = [];
  const topicSlugs = new Set(topics.map((t) => t.slug));
  const companySlugs = new Set(companies.map((c) => c.slug));
  const questions: Content["questions"] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const topic = file.replace(/\.json$/, "");
    if (!topicSlugs.has(topic)) issues.push(`questions/${file}: no topic "${topic}" in topics.json`);
    for (const question of parse(
      z.array(questionContentSchema),
      readJson(path.join(questionsDir, file)),
      path.join(questionsDir, file),
    )) {
      if (seen.has(question.slug))
        issues.push(`question slug "${question.slug}" is in both ${seen.get(question.slug)} and ${file}`);
      seen.set(question.slug, file);
      for (const company of question.companies) {
        if (!companySlugs.has(company.slug))
          issues.push(`${file}: ${question.slug} names unknown company "${company.slug}"`);
      }
      questions.push({ ...question, topic });
    }
  }
  const problems = readProblems(dir);
  for (const problem of problems) {
    if (!topicSlugs.has(problem.topic))
      issues.push(`problems/${problem.slug}.json: no topic "${problem.topic}" in topics.json`);
    if (seen.has(problem.slug))
      issues.push(`problem slug "${problem.slug}" is also a question in ${seen.get(problem.slug)}`);
    for (const company of problem.companies) {
      if (!companySlugs.has(company.slug))
        issues.push(`problems/${problem.slug}.json names unknown company "${company.slug}"`);
    }
  }
  // A former slug redirects to one kept question, so it can be neither a live slug nor claimed twice.
  const former = new Map<string, string>();
  for (const question of questions) {
    for (const slug of question.formerSlugs) {
      if (seen.has(slug) || problems.some((p) => p.slug === slug))
        issues.push(`${question.slug} lists "${slug}" as a former slug, but it is a current one`);
      if (former.has(slug)) issues.push(`former slug "${slug}" is claimed by ${former.get(slug)} and ${question.slug}`);
      former.set(slug, question.slug);
    }
  }
  for (const company of companies) {
    for (const topic of Object.keys(company.topicWeights)) {
      if (!topicSlugs.has(topic)) issues.push(`companies.json: ${company.slug} weighs unknown topic "${topic}"`);
    }
  }
  const packsFile = path.join(dir, "packs.json");
  const packs = fs.existsSync(packsFile) ? parse(builtInPacksSchema, readJson(packsFile), packsFile) : [];
  for (const pack of packs)
    for (const topic of pack.topics)
      if (!topicSlugs.has(topic)) issues.push(`packs.json: ${pack.name} holds unknown topic "${topic}"`);
  if (issues.length) throw new ContentError(`Content problems:\n  ${issues.join("\n  ")}`);
  return { topics, companies, questions, problems, packs };
}

/** Coding problems, one per file: problems/<slug>.json, whose name must be its slug. */
export function readProblems(dir = contentDir()): ProblemContent[] {
  const problemsDir = path.join(dir, "problems");
  if (!fs.existsSync(problemsDir)) return [];
  return fs
    .readdirSync(problemsDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const file = path.join(problemsDir, f);
      const problem = parse(problemContentSchema, readJson(file), file);
      if (`${problem.slug}.json` !== f)
        throw new ContentError(`problems/${f}: the file name must be the slug ("${problem.slug}.json")`);
      return problem;
    });
}

/** The slugs of each built-in pack's questions and problems (by their topics), by pack name. */
export function builtInPackSlugs(content: Pick<Content, "packs" | "questions" | "problems">): Map<string, string[]> {
  const packOfTopic = new Map(content.packs.flatMap((pack) => pack.topics.map((topic) => [topic, pack.name])));
  const slugs = new Map(content.packs.map((pack) => [pack.name, [] as string[]]));
  for (const item of [...content.questions, ...content.problems]) {
    const pack = packOfTopic.get(item.topic);
    if (pack) slugs.get(pack)!.push(item.slug);
  }
  return slugs;
}
