// npm run rubric -- check [seed file ...] | try <question-slug> "an answer"
// For authors of key-point rubrics: validates the files, then scores every question's own model answer (it
// must cover all of its key points) and the other questions' model answers of the same file (a rubric heard in
// many unrelated answers is too loose). Prints what to look at; exits 1 when a file is invalid or a model
// answer misses one of its own points.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { problemContentSchema, questionContentSchema, keyPointText, type ContentKeyPoint } from "../schemas/content";
import { rubricOfContent } from "../scoring/derive";
import { keyPointCoverage } from "../scoring/match";
import { readExpressionWords, readWords } from "../scoring/text";

type Item = { slug: string; modelAnswer: string; solution?: string; keyPoints: ContentKeyPoint[] };

function load(file: string): Item[] {
  const data: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const schema = Array.isArray(data) ? z.array(questionContentSchema) : problemContentSchema;
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues.slice(0, 30))
      console.log(`  INVALID ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`${file} is invalid`);
  }
  return (Array.isArray(result.data) ? result.data : [result.data]) as Item[];
}

/** Share of the bank's model answers a one-word expression may appear in before it is called generic. */
const GENERIC_SHARE = 0.08;
const SEED_FILES = () =>
  ["seed/questions", "seed/problems"].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => path.join(dir, f)),
  );
function bankItems(): Item[] {
  return SEED_FILES().flatMap((file) => {
    try {
      return load(file);
    } catch {
      return [];
    }
  });
}

function check(files: string[]): number {
  let failures = 0;
  const all = files.flatMap((file) => {
    try {
      return load(file).map((item) => ({ ...item, file }));
    } catch (error) {
      console.log((error as Error).message);
      failures++;
      return [];
    }
  });
  // A one-word expression found in many of the bank's model answers is a topic word, not a claim: an answer that
  // merely mentions the topic would be credited. Computed over the whole bank, whatever files are checked.
  const bank = bankItems();
  const documentFrequency = new Map<string, number>();
  for (const item of bank)
    for (const stem of new Set(readWords(item.modelAnswer).list.map((w) => w.stem)))
      documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const genericAt = Math.ceil(GENERIC_SHARE * bank.length);
  let generic = 0;
  let points = 0;
  let authored = 0;
  for (const item of all) {
    const rubric = rubricOfContent(item.keyPoints);
    const scored = item.keyPoints.map((p, i) => ({ text: keyPointText(p), rubric: rubric.points[i]! }));
    points += scored.length;
    authored += item.keyPoints.filter((p) => typeof p !== "string").length;
    for (const point of item.keyPoints) {
      if (typeof point === "string") continue;
      for (const concept of point.concepts) {
        for (const expression of concept.any) {
          const words = readExpressionWords(expression);
          const meaningful = words.list.filter((w) => !w.whole && !words.negation[w.raw]);
          const found = meaningful.length === 1 ? (documentFrequency.get(meaningful[0]!.stem) ?? 0) : 0;
          if (found >= genericAt) {
            generic++;
            console.log(
              `GENERIC ${item.slug}: "${point.text}" concept "${concept.name}": "${expression}" is in ${found} of ${bank.length} model answers`,
            );
          }
        }
      }
    }
    const own = keyPointCoverage([item.modelAnswer, item.solution ?? ""].join("\n\n"), scored);
    for (const p of own.points.filter((p) => !p.covered)) {
      failures++;
      console.log(
        `MISSED BY OWN ANSWER ${item.slug}: "${p.point}" missing [${p.missing.join("; ")}]${p.wrong.length ? ` wrong [${p.wrong.map((w) => w.phrase).join("; ")}]` : ""}`,
      );
    }
    const others = all.filter((o) => o.slug !== item.slug && o.file === item.file);
    scored.forEach((point) => {
      const hits = others.filter((o) => keyPointCoverage(o.modelAnswer, [point]).points[0]!.covered).map((o) => o.slug);
      if (hits.length >= 2)
        console.log(
          `LOOSE ${item.slug}: "${point.text}" is also covered by ${hits.length} other answers (${hits.slice(0, 4).join(", ")})`,
        );
    });
  }
  console.log(
    `${all.length} questions, ${points} key points, ${authored} with an authored rubric, ${generic} generic expressions, ${failures} failures`,
  );
  return failures;
}

/** How one answer scores on a question's key points: for authors trying phrasings. */
function tryAnswer(slug: string, answer: string): number {
  const item = bankItems().find((i) => i.slug === slug);
  if (!item) {
    console.error(`no question ${slug}`);
    return 1;
  }
  const rubric = rubricOfContent(item.keyPoints);
  const result = keyPointCoverage(
    answer,
    item.keyPoints.map((p, i) => ({ text: keyPointText(p), rubric: rubric.points[i]! })),
  );
  for (const p of result.points) {
    console.log(`${p.covered ? "COVERED" : "MISSED "} ${p.point}`);
    for (const h of p.heard) console.log(`    heard "${h.phrase}" for ${h.concept}`);
    for (const m of p.missing) console.log(`    not heard: ${m}`);
    for (const w of p.wrong) console.log(`    wrong: "${w.phrase}" (${w.concept})`);
    for (const n of p.named)
      console.log(`    named but not explained, beside a wrong claim: "${n.phrase}" for ${n.concept}`);
  }
  return 0;
}

const [command, ...rest] = process.argv.slice(2);
if (command === "try" && rest.length === 2) process.exit(tryAnswer(rest[0]!, rest[1]!));
if (command !== "check") {
  console.error(
    'usage: npm run rubric -- check [seed/questions/x.json seed/problems/y.json ...]\n       npm run rubric -- try <question-slug> "an answer"',
  );
  process.exit(2);
}
const files = rest.length ? rest : SEED_FILES();
process.exit(check(files) ? 1 : 0);
