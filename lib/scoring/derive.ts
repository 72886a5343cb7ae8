// A starting rubric for a key point that has only its sentence (an imported guide): the terms an interviewer
// would most likely listen for. Identifiers and code (`raise_exception`, LoginRequiredMixin, 403, CSRF) are
// required as written; without any, the two longest significant words are. It is marked "derived" so the
// review can say the verdict rests on a guess, and an author can replace it.
import type { ContentKeyPoint } from "../schemas/content";
import type { KeyPointRubric, QuestionRubric } from "../schemas/rubric";
import { isStopWord, negatedAt, normaliseWord, readWords } from "./text";

const IDENTIFIER =
  /`([^`]{1,60})`|\b[\p{L}\p{N}]+(?:[_.][\p{L}\p{N}]+)+\b|\b\p{Lu}[\p{Ll}\p{N}]+\p{Lu}[\p{L}\p{N}]*\b|\b\p{Lu}{2,}[\p{N}]*s?\b|\b\p{N}{3}\b/gu;
const MAX_CONCEPTS = 2;

export function deriveRubric(sentence: string): KeyPointRubric {
  const terms = new Map<string, string>();
  for (const m of sentence.matchAll(IDENTIFIER)) {
    const term = (m[1] ?? m[0]).trim();
    if (readWords(term).list.length > 0 && !terms.has(term.toLowerCase())) terms.set(term.toLowerCase(), term);
  }
  let picked = [...terms.values()].slice(0, MAX_CONCEPTS);
  if (picked.length === 0) {
    const words = sentence.match(/[\p{L}]+/gu) ?? [];
    picked = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4 && !isStopWord(w)))]
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .slice(0, MAX_CONCEPTS);
  }
  if (picked.length === 0) picked = [sentence.trim().slice(0, 80)];
  // A term the sentence negates ("built but not executed") is listened for negated too.
  const words = readWords(sentence);
  const negated = (term: string) => {
    const stem = readWords(term).list[0]?.stem ?? normaliseWord(term.toLowerCase());
    const at = words.list.find((w) => w.stem === stem);
    return at ? negatedAt(words, at.raw, at.raw) : false;
  };
  return {
    concepts: picked.map((term) => ({ name: term, any: [negated(term) ? `not ${term}` : term] })),
    disqualifiers: [],
  };
}

/** The rubric a question is scored with: its authored one, or one derived from the sentences. */
export function rubricOfContent(points: ContentKeyPoint[]): QuestionRubric {
  const derived = points.length === 0 || points.some((p) => typeof p === "string");
  return {
    derived,
    points: points.map((p) =>
      typeof p === "string" ? deriveRubric(p) : { concepts: p.concepts, disqualifiers: p.disqualifiers },
    ),
  };
}

/** Pairs a question's key point sentences with its stored rubric; derives when the stored one does not fit. */
export function scoredPoints(keyPoints: string[], stored: unknown): { text: string; rubric: KeyPointRubric }[] {
  const rubric = stored as QuestionRubric | null;
  const fits = rubric && Array.isArray(rubric.points) && rubric.points.length === keyPoints.length;
  return keyPoints.map((text, i) => ({ text, rubric: fits ? rubric.points[i]! : deriveRubric(text) }));
}
