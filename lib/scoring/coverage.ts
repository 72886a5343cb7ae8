// Stored coverage (InterviewQuestion.coverage, PracticeAnswerVersion.coverage) read back: rows scored before the
// rubric hold the older shape until `npm run rescore` rewrites them; they read as bare verdicts.
import { coverageSchema } from "../schemas/fields";
import type { KeyPointCoverage } from "./match";

export function readCoverage(stored: unknown): KeyPointCoverage[] {
  const parsed = coverageSchema.safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}
