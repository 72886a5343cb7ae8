import "server-only";
// Importing a markdown guide from the admin area (issue #24): the same parser, limits and transaction as
// `npm run import`, with a dry run first. A guide with errors is a 400 naming each line; nothing is written.
import { clearContentCaches } from "../cache";
import { importGuide, MAX_GUIDE_BYTES, slugify, type ImportPlan } from "../content/importer/import-guide";
import { parseGuide } from "../content/importer/parse-guide";
import { db } from "../db/client";
import { AppError } from "../http/errors";

export { MAX_GUIDE_BYTES };

export type GuideImportReport = {
  dryRun: boolean;
  source: string;
  title: string | null;
  repairedCharacters: number;
  stats: ReturnType<typeof parseGuide>["stats"];
  topics: { name: string; questions: number }[];
  plan: ImportPlan;
};

export async function importGuideText(
  text: string,
  options: { source: string; dryRun: boolean },
): Promise<GuideImportReport> {
  const source = slugify(options.source);
  if (!source)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { source: ["Name the source with letters or digits."] },
    });
  if (text.includes("\u0000")) throw new AppError("VALIDATION", "The guide holds a NUL character; is it a text file?");
  const guide = parseGuide(text);
  if (guide.errors.length) {
    throw new AppError("VALIDATION", `${guide.errors.length} problem(s) found in the guide; nothing was imported.`, {
      extra: { problems: guide.errors, stats: guide.stats },
    });
  }
  if (!guide.stats.questions) throw new AppError("VALIDATION", "The guide holds no questions: nothing to import.");
  const plan = await importGuide(db(), guide, { source, dryRun: options.dryRun });
  if (!options.dryRun) clearContentCaches();
  return {
    dryRun: options.dryRun,
    source,
    title: guide.title,
    repairedCharacters: guide.repairedCharacters,
    stats: guide.stats,
    topics: guide.topics.map((t) => ({ name: t.name, questions: t.questions.length })),
    plan,
  };
}
