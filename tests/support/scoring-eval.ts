// The key-point scoring evaluation set (tests/scoring-eval/<topic>.json): answers written as candidates write them,
// each judged on every key point of its question by a person. This scores them with the seed's rubrics and
// counts agreements. Answers are split into a development half and a held-out half by a hash of their text:
// rubric authors may look at the development half's disagreements, never at the held-out half's.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { keyPointText } from "@/lib/schemas/content";
import { rubricOfContent } from "@/lib/scoring/derive";
import { keyPointCoverage, type KeyPointCoverage } from "@/lib/scoring/match";
import type { Content } from "@/seed/content";

export const STYLES = [
  "terse",
  "wordy",
  "british",
  "code-only",
  "bullets",
  "partial",
  "wrong",
  "off-topic",
  "keywords",
] as const;
const fileSchema = z.object({
  topic: z.string(),
  answers: z.array(
    z.object({
      question: z.string(),
      style: z.enum(STYLES),
      answer: z.string().min(1),
      verdicts: z.record(z.string(), z.enum(["covered", "missed"])),
    }),
  ),
});

export type Case = {
  topic: string;
  question: string;
  style: (typeof STYLES)[number];
  split: "dev" | "holdout";
  point: string;
  expected: boolean;
  got: KeyPointCoverage;
  answer: string;
};

export const EVAL_DIR = path.resolve("tests/scoring-eval");

export function evaluate(content: Content): Case[] {
  const questions = new Map([...content.questions, ...content.problems].map((q) => [q.slug, q]));
  const cases: Case[] = [];
  for (const file of fs
    .readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const data = fileSchema.parse(JSON.parse(fs.readFileSync(path.join(EVAL_DIR, file), "utf8")));
    for (const a of data.answers) {
      const question = questions.get(a.question);
      if (!question) throw new Error(`${file}: no question ${a.question}`);
      const texts = question.keyPoints.map(keyPointText);
      const missingVerdicts = texts.filter((t) => !(t in a.verdicts));
      const unknown = Object.keys(a.verdicts).filter((t) => !texts.includes(t));
      if (missingVerdicts.length || unknown.length)
        throw new Error(
          `${file}: ${a.question} verdicts do not match its key points: ${[...missingVerdicts, ...unknown].join(" | ")}`,
        );
      const rubric = rubricOfContent(question.keyPoints);
      const { points } = keyPointCoverage(
        a.answer,
        texts.map((text, i) => ({ text, rubric: rubric.points[i]! })),
      );
      const split = crypto.createHash("sha256").update(a.answer).digest()[0]! % 2 ? "holdout" : "dev";
      points.forEach((got) =>
        cases.push({
          topic: data.topic,
          question: a.question,
          style: a.style,
          split,
          point: got.point,
          expected: a.verdicts[got.point] === "covered",
          got,
          answer: a.answer,
        }),
      );
    }
  }
  return cases;
}

export type Matrix = { tp: number; fn: number; fp: number; tn: number };
export function matrix(cases: Case[]): Matrix {
  const m = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const c of cases) {
    if (c.expected && c.got.covered) m.tp++;
    else if (c.expected) m.fn++;
    else if (c.got.covered) m.fp++;
    else m.tn++;
  }
  return m;
}
export const recall = (m: Matrix) => m.tp / Math.max(1, m.tp + m.fn);
/** Share of the cases a person judged "missed" that the scorer calls covered. */
export const falseCovered = (m: Matrix) => m.fp / Math.max(1, m.fp + m.tn);
export const precision = (m: Matrix) => m.tp / Math.max(1, m.tp + m.fp);

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
/** The per-topic confusion matrix as a markdown table (docs/scoring.md, the closing note). */
export function table(cases: Case[]): string {
  const rows = [...new Set(cases.map((c) => c.topic))]
    .sort()
    .map((topic) => [topic, cases.filter((c) => c.topic === topic)] as const);
  rows.push(["**all**", cases]);
  const lines = [
    "| topic | cases | covered ✓ (TP) | covered ✗ (FN) | missed but scored covered (FP) | missed ✓ (TN) | recall | false covered | precision |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const [topic, list] of rows) {
    const m = matrix(list);
    lines.push(
      `| ${topic} | ${list.length} | ${m.tp} | ${m.fn} | ${m.fp} | ${m.tn} | ${pct(recall(m))} | ${pct(falseCovered(m))} | ${pct(precision(m))} |`,
    );
  }
  return lines.join("\n");
}
