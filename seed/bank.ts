// Loads topics, company profiles, questions and coding problems into the database in one transaction: upserts by slug,
// archives questions that left the files (they stay readable in users' history), and reports what
// changed. A second run with the same files changes nothing.
import type { PrismaClient } from "../lib/db/prisma-client";
import type { CompanyProfile, Difficulty, Prisma, QuestionKind } from "../lib/generated/prisma/client";
import { frequencyValue, keyPointText, type ProblemContent, type QuestionContent } from "../lib/schemas/content";
import { sqlSetup } from "../lib/coding/sql-setup";
import { rubricOfContent } from "../lib/scoring/derive";
import { refreshSearchWords } from "../lib/search/refresh-words";
import type { Content } from "./content";
import { mergeFormerQuestions, type MergeReport } from "./merge";
import { canonicalJson } from "../lib/content/canonical-json";

export type BankReport = {
  /** keptEdited: saved in the admin area and different from the files, so the app's version stays. */
  topics: { created: number; updated: number; keptEdited: number };
  companies: { created: number; updated: number; keptEdited: number };
  questions: {
    created: number;
    updated: number;
    archived: number;
    restored: number;
    unchanged: number;
    /** Edited in the admin editor and different from the files: the app's version is kept (lib/data/question-editor.ts). */
    keptEdited: number;
  };
  /** Former questions merged into kept ones (their users' data moved): seed/merge.ts. */
  merges: MergeReport;
  /** The runnable part of coding problems (their question rows are counted in `questions`). */
  problems: { created: number; updated: number };
};

/** Problems are questions of kind "coding" written by Mockroom; their code and tests go to CodingProblem. */
function problemAsQuestion(problem: ProblemContent): QuestionContent & { topic: string } {
  const { slug, title, topic, prompt, modelAnswer, keyPoints, difficulty, estimatedMinutes, tags, companies } = problem;
  return {
    slug,
    title,
    topic,
    prompt,
    modelAnswer,
    keyPoints,
    difficulty,
    estimatedMinutes,
    tags,
    companies,
    kind: "coding",
    source: { name: "mockroom" },
    formerSlugs: [],
  };
}

/** A SQL test as stored and served: its database built from the problem's schema and the test's rows. */
function sqlTests(schema: string, tests: Extract<ProblemContent, { language: "sql" }>["visibleTests"]) {
  return tests.map(({ name, data, expected, ordered }) => ({
    name,
    setup: sqlSetup(schema, data),
    expected,
    ...(ordered === undefined ? {} : { ordered }),
  }));
}

function codingData(problem: ProblemContent) {
  const common = {
    starterCode: problem.starterCode,
    solution: problem.solution,
    wrongSolutions: problem.wrongSolutions,
  };
  return problem.language === "sql"
    ? {
        ...common,
        language: "SQL" as const,
        visibleTests: sqlTests(problem.schema, problem.visibleTests),
        hiddenTests: sqlTests(problem.schema, problem.hiddenTests),
      }
    : {
        ...common,
        language: "PYTHON" as const,
        visibleTests: problem.visibleTests,
        hiddenTests: problem.hiddenTests,
      };
}

const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function companyDiffers(existing: CompanyProfile, company: Content["companies"][number]): boolean {
  return (
    existing.name !== company.name ||
    existing.description !== company.description ||
    existing.durationMinutes !== company.durationMinutes ||
    existing.questionCount !== company.questionCount ||
    existing.codingProblems !== company.codingProblems ||
    existing.styleNotes !== company.styleNotes ||
    !sameJson(existing.topicWeights, company.topicWeights) ||
    !sameJson(existing.difficultyMix, company.difficultyMix)
  );
}

/**
 * `dryRun`: everything is done and counted, then rolled back (a pack's preview). `source`: every question and
 * problem is recorded as from this source (a content pack's), so only the source's own questions leave with it.
 */
export type LoadOptions = {
  dryRun?: boolean;
  source?: string;
  /** More writes that belong with the load, in its transaction (a pack's own row). */
  within?: (tx: Prisma.TransactionClient) => Promise<void>;
  /** Slugs left exactly as they are: not created, updated, restored or archived (a disabled built-in pack's). */
  held?: ReadonlySet<string>;
  /** Archived slugs brought back even when edited in the app (a built-in pack enabled again). */
  reinstate?: ReadonlySet<string>;
};

const DRY_RUN = new Error("dry run: rolled back");

export async function loadBank(
  db: PrismaClient,
  content: Content,
  now = new Date(),
  options: LoadOptions = {},
): Promise<BankReport> {
  const report: BankReport = {
    topics: { created: 0, updated: 0, keptEdited: 0 },
    companies: { created: 0, updated: 0, keptEdited: 0 },
    questions: { created: 0, updated: 0, archived: 0, restored: 0, unchanged: 0, keptEdited: 0 },
    merges: { merged: 0, deleted: 0, archived: 0, movedRows: 0 },
    problems: { created: 0, updated: 0 },
  };
  const held = options.held ?? new Set<string>();
  const reinstate = options.reinstate ?? new Set<string>();
  const problemsToLoad = content.problems.filter((p) => !held.has(p.slug));
  const allQuestions = [
    ...content.questions.filter((q) => !held.has(q.slug)),
    ...problemsToLoad.map(problemAsQuestion),
  ].map((q) => (options.source ? { ...q, source: { ...q.source, name: options.source } } : q));

  await db
    .$transaction(
      async (tx) => {
        const topics = new Map((await tx.topic.findMany()).map((t) => [t.slug, t]));
        for (const topic of content.topics) {
          const existing = topics.get(topic.slug);
          if (!existing) {
            topics.set(topic.slug, await tx.topic.create({ data: topic }));
            report.topics.created++;
          } else if (existing.name !== topic.name || existing.order !== topic.order) {
            if (existing.editedAt) report.topics.keptEdited++;
            else {
              await tx.topic.update({ where: { id: existing.id }, data: { name: topic.name, order: topic.order } });
              report.topics.updated++;
            }
          } else if (existing.editedAt) {
            await tx.topic.update({ where: { id: existing.id }, data: { editedAt: null } });
          }
        }

        const companies = new Map((await tx.companyProfile.findMany()).map((c) => [c.slug, c]));
        for (const company of content.companies) {
          const existing = companies.get(company.slug);
          const data = { ...company, topicWeights: company.topicWeights, difficultyMix: company.difficultyMix };
          if (!existing) {
            companies.set(company.slug, await tx.companyProfile.create({ data }));
            report.companies.created++;
          } else if (!existing.editedAt && companyDiffers(existing, company)) {
            await tx.companyProfile.update({ where: { id: existing.id }, data });
            report.companies.updated++;
          } else if (existing.editedAt) {
            // Edited in the app: kept until the files say the same, then the files lead again.
            if (companyDiffers(existing, company)) report.companies.keptEdited++;
            else await tx.companyProfile.update({ where: { id: existing.id }, data: { editedAt: null } });
          }
        }

        const questions = new Map(
          (
            await tx.question.findMany({ include: { companies: { select: { companyId: true, frequency: true } } } })
          ).map((q) => [q.slug, q]),
        );
        const coding = new Map(
          (await tx.codingProblem.findMany({ include: { question: { select: { slug: true } } } })).map((c) => [
            c.question.slug,
            c,
          ]),
        );
        const problemsBySlug = new Map(problemsToLoad.map((p) => [p.slug, p]));
        const codeDiffers = (slug: string) => {
          const problem = problemsBySlug.get(slug);
          const stored = coding.get(slug);
          if (!problem || !stored) return false;
          const data = codingData(problem);
          return (Object.keys(data) as (keyof typeof data)[]).some((key) => !sameJson(stored[key], data[key]));
        };
        /** Questions edited in the app that the files do not match yet: their problem's code stays as well. */
        const keptAsEdited = new Set<string>();
        for (const question of allQuestions) {
          const data = {
            title: question.title,
            prompt: question.prompt,
            modelAnswer: question.modelAnswer,
            keyPoints: question.keyPoints.map(keyPointText),
            rubric: rubricOfContent(question.keyPoints),
            difficulty: question.difficulty.toUpperCase() as Difficulty,
            kind: question.kind.toUpperCase() as QuestionKind,
            topicId: topics.get(question.topic)!.id,
            tags: question.tags,
            estimatedMinutes: question.estimatedMinutes,
            source: question.source.name,
            sourceRef: question.source.ref ?? null,
            formerSlugs: question.formerSlugs,
          };
          const links = question.companies
            .map((c) => ({
              companyId: companies.get(c.slug)!.id,
              frequency: c.frequency ? frequencyValue[c.frequency] : null,
            }))
            .sort((a, b) => a.companyId.localeCompare(b.companyId));
          const existing = questions.get(question.slug);
          if (!existing) {
            await tx.question.create({ data: { slug: question.slug, ...data, companies: { create: links } } });
            report.questions.created++;
            continue;
          }
          const currentLinks = [...existing.companies].sort((a, b) => a.companyId.localeCompare(b.companyId));
          const changed = (Object.keys(data) as (keyof typeof data)[]).some(
            (key) => !sameJson(existing[key], data[key]),
          );
          const linksChanged = !sameJson(currentLinks, links);
          if (existing.editedAt) {
            let reinstated = false;
            if (existing.archivedAt && reinstate.has(question.slug)) {
              // Archived by its built-in pack's disabling, not by an admin: back, as edited.
              await tx.question.update({
                where: { id: existing.id },
                data: { archivedAt: null, revision: { increment: 1 } },
              });
              existing.archivedAt = null;
              report.questions.restored++;
              reinstated = true;
            }
            // Edited in the app since: the app's version stands until the files say the same (then the files lead again).
            if (changed || linksChanged || existing.archivedAt || codeDiffers(question.slug)) {
              report.questions.keptEdited++;
              keptAsEdited.add(question.slug);
            } else {
              await tx.question.update({ where: { id: existing.id }, data: { editedAt: null } });
              if (!reinstated) report.questions.unchanged++;
            }
            continue;
          }
          if (changed || existing.archivedAt) {
            await tx.question.update({
              where: { id: existing.id },
              data: { ...data, archivedAt: null, revision: { increment: 1 } },
            });
          }
          if (linksChanged) {
            await tx.questionCompany.deleteMany({ where: { questionId: existing.id } });
            await tx.questionCompany.createMany({ data: links.map((l) => ({ ...l, questionId: existing.id })) });
            if (!changed && !existing.archivedAt)
              await tx.question.update({ where: { id: existing.id }, data: { revision: { increment: 1 } } });
          }
          if (existing.archivedAt) report.questions.restored++;
          else if (changed || linksChanged) report.questions.updated++;
          else report.questions.unchanged++;
        }

        for (const problem of problemsToLoad) {
          if (keptAsEdited.has(problem.slug)) continue;
          const data = codingData(problem);
          const existing = coding.get(problem.slug);
          if (!existing) {
            const { id } = await tx.question.findUniqueOrThrow({ where: { slug: problem.slug }, select: { id: true } });
            await tx.codingProblem.create({ data: { questionId: id, ...data } });
            report.problems.created++;
          } else if ((Object.keys(data) as (keyof typeof data)[]).some((key) => !sameJson(existing[key], data[key]))) {
            await tx.codingProblem.update({ where: { questionId: existing.questionId }, data });
            report.problems.updated++;
          }
        }

        // Merged questions hand their users' data to the kept ones, then go (or stay archived: seed/merge.ts).
        report.merges = await mergeFormerQuestions(tx, allQuestions, now);
        const formerSlugs = new Set(allQuestions.flatMap((q) => q.formerSlugs));

        // Only questions from the seed's own sources leave with the files; imported guides are not ours to archive.
        const inFiles = new Set(allQuestions.map((q) => q.slug));
        const seedSources = new Set(allQuestions.map((q) => q.source.name));
        const gone = [...questions.values()].filter(
          (q) =>
            !inFiles.has(q.slug) &&
            !formerSlugs.has(q.slug) &&
            !q.archivedAt &&
            !q.editedAt &&
            !held.has(q.slug) &&
            seedSources.has(q.source),
        );
        if (gone.length) {
          await tx.question.updateMany({
            where: { id: { in: gone.map((q) => q.id) } },
            data: { archivedAt: now, revision: { increment: 1 } },
          });
          report.questions.archived = gone.length;
        }
        await refreshSearchWords(tx);
        if (options.within) await options.within(tx);
        if (options.dryRun) throw DRY_RUN;
      },
      { timeout: 120_000, maxWait: 10_000 },
    )
    .catch((error: unknown) => {
      if (error !== DRY_RUN) throw error;
    });
  return report;
}

export function describeBankReport(report: BankReport): string[] {
  const q = report.questions;
  const m = report.merges;
  return [
    `topics: ${report.topics.created} created, ${report.topics.updated} updated` +
      (report.topics.keptEdited ? `, ${report.topics.keptEdited} kept as edited in the app` : ""),
    `company profiles: ${report.companies.created} created, ${report.companies.updated} updated` +
      (report.companies.keptEdited ? `, ${report.companies.keptEdited} kept as edited in the app` : ""),
    `questions: ${q.created} created, ${q.updated} updated, ${q.archived} archived, ${q.restored} restored, ${q.unchanged} unchanged` +
      (q.keptEdited ? `, ${q.keptEdited} kept as edited in the app (until seed/ says the same)` : ""),
    `coding problems: ${report.problems.created} created, ${report.problems.updated} updated`,
    `merged questions: ${m.merged} merged (${m.deleted} deleted, ${m.archived} archived), ${m.movedRows} rows of users' data moved`,
  ];
}
