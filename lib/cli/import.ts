// `npm run import -- <file.md> [--dry-run] [--source NAME]`: imports a markdown interview guide.
import fs from "node:fs";
import path from "node:path";
import { importGuide, MAX_GUIDE_BYTES, slugify } from "../content/importer/import-guide";
import { parseGuide } from "../content/importer/parse-guide";
import { runCommand, withMigratedDatabase } from "./database";

function usage(): never {
  console.error("Usage: npm run import -- <guide.md> [--dry-run] [--source NAME]");
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const sourceAt = args.indexOf("--source");
  const file = args.find((a, i) => !a.startsWith("--") && (sourceAt < 0 || i !== sourceAt + 1));
  if (!file || (sourceAt >= 0 && !args[sourceAt + 1])) usage();
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new Error(`${file}: no such file`);
  if (stat.size > MAX_GUIDE_BYTES)
    throw new Error(`${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; guides over 5 MB are refused.`);
  const source = sourceAt >= 0 ? slugify(args[sourceAt + 1]!) : slugify(path.basename(file).replace(/\.[^.]+$/, ""));
  if (!source) throw new Error("--source must contain letters or digits");

  const guide = parseGuide(fs.readFileSync(file, "utf8"));
  const s = guide.stats;
  console.log(`${path.basename(file)}: "${guide.title ?? "untitled"}" (source "${source}")`);
  console.log(
    `  ${s.topics} topics, ${s.questions} questions: ${s.answered} with answers, ${s.emptyAnswers} with empty answers, ${s.unanswered} without answers`,
  );
  if (guide.repairedCharacters)
    console.log(`  repaired ${guide.repairedCharacters} broken characters (UTF-8 read as cp1252)`);
  if (guide.errors.length) {
    for (const error of guide.errors) console.error(`  ${file}:${error.line}: ${error.message}`);
    throw new Error(`${guide.errors.length} problem(s) found; nothing was imported.`);
  }
  for (const topic of guide.topics) console.log(`  - ${topic.name}: ${topic.questions.length}`);

  const plan = await withMigratedDatabase(
    () => undefined,
    (db) => importGuide(db, guide, { source, dryRun }),
  );
  const verb = dryRun ? "would be" : "were";
  console.log(
    `${dryRun ? "Dry run, nothing written. " : ""}Topics: ${plan.topics.create.length} ${verb} created, ${plan.topics.existing.length} exist.`,
  );
  console.log(
    `Questions: ${plan.questions.create} ${verb} created, ${plan.questions.update} ${verb} updated, ${plan.questions.unchanged} unchanged.`,
  );
}

runCommand(main);
