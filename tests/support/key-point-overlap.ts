// How much two questions' key points say the same thing (seed/README.md, "Near-duplicate questions"): the
// weighted Jaccard overlap of the stems in their key points and rubric expressions, each stem weighted by its
// rarity across the bank (ln(N / questions holding it)). Rare words ("argon2", "autoescap") carry a match;
// words every Django answer uses ("django", "view") carry little. Stems are the scorer's own (lib/scoring/text.ts).
import { keyPointText, type ContentKeyPoint } from "@/lib/schemas/content";
import { readWords } from "@/lib/scoring/text";

/**
 * Above this, two questions count as near-duplicates. Chosen from the data (seed/README.md says how): above every
 * pair of the bank after the merges of issue #23 (the highest is 0.336), below three of the five pairs merged.
 */
export const OVERLAP_THRESHOLD = 0.35;

export type OverlapQuestion = { slug: string; keyPoints: ContentKeyPoint[] };
export type OverlapPair = { a: string; b: string; overlap: number };

/** The stems a question's key points and their rubrics use (whole-identifier forms left out: parts count). */
export function keyPointStems(question: OverlapQuestion): Set<string> {
  const texts = question.keyPoints.flatMap((point) =>
    typeof point === "string"
      ? [point]
      : [keyPointText(point), ...point.concepts.flatMap((concept) => [concept.name, ...concept.any])],
  );
  return new Set(
    readWords(texts.join(" . "))
      .list.filter((word) => !word.whole)
      .map((word) => word.stem),
  );
}

/** Every pair of `questions`, most overlapping first. */
export function overlapPairs(questions: OverlapQuestion[]): OverlapPair[] {
  const stems = questions.map(keyPointStems);
  const holding = new Map<string, number>();
  for (const set of stems) for (const stem of set) holding.set(stem, (holding.get(stem) ?? 0) + 1);
  const weight = (stem: string) => Math.log(questions.length / holding.get(stem)!);
  const mass = stems.map((set) => [...set].reduce((sum, stem) => sum + weight(stem), 0));
  const pairs: OverlapPair[] = [];
  for (let i = 0; i < questions.length; i++) {
    for (let j = i + 1; j < questions.length; j++) {
      let shared = 0;
      for (const stem of stems[i]!) if (stems[j]!.has(stem)) shared += weight(stem);
      const union = mass[i]! + mass[j]! - shared;
      pairs.push({ a: questions[i]!.slug, b: questions[j]!.slug, overlap: union > 0 ? shared / union : 0 });
    }
  }
  return pairs.sort((x, y) => y.overlap - x.overlap);
}
