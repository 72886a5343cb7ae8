// Key-point coverage: a key point is covered when every one of its required concepts is heard in the answer
// and none of its disqualifiers is. A concept is heard when any of its expressions is: all of the expression's
// significant words, in any order, within a few words of each other (or an identifier written as one word).
// The verdict quotes the answer's own phrase for what was heard and names what was not.
import type { Concept, KeyPointRubric } from "../schemas/rubric";
import { isNegation, negatedAt, normaliseWord, readWords, type Word, type Words } from "./text";

export type Heard = { concept: string; phrase: string };
export type KeyPointCoverage = {
  point: string;
  covered: boolean;
  /** Concepts heard, each with the phrase of the answer that said it. */
  heard: Heard[];
  /** Names of required concepts not heard. */
  missing: string[];
  /** Disqualifiers heard (a wrong claim): the point does not count. */
  wrong: Heard[];
};

/** Answers are read up to this many characters: a longer text is judged on its beginning. */
export const SCORED_CHARACTERS = 50_000;
/** Extra words allowed between the words of one expression. */
const SLACK = 3;

type Index = { words: Words; positions: Map<string, number[]> };

function indexAnswer(answer: string): Index {
  const words = readWords(answer.slice(0, SCORED_CHARACTERS));
  const positions = new Map<string, number[]>();
  words.list.forEach((w, i) => {
    const at = positions.get(w.stem);
    if (at) at.push(i);
    else positions.set(w.stem, [i]);
  });
  return { words, positions };
}

type Expression = { stems: string[]; joined: string; negative: boolean };
const expressionCache = new Map<string, Expression>();
function readExpression(expression: string) {
  let read = expressionCache.get(expression);
  if (!read) {
    const words = readWords(expression);
    const stems = words.list.map((w) => w.stem);
    // The expression as one word: "select related" and select_related both also match "selectrelated".
    const joined = stems.length === 1 ? stems[0]! : normaliseWord(words.rawWords.join(""));
    // "no permission", "not across requests": said in a negated clause, or not at all.
    read = { stems, joined, negative: words.rawWords.some(isNegation) };
    if (expressionCache.size > 20_000) expressionCache.clear();
    expressionCache.set(expression, read);
  }
  return read;
}

/**
 * Where in the answer an expression is said with the polarity it has (a positive expression in a clause that is
 * not negated, "no permission" in one that is), as [first word, last word], or null.
 */
function find(index: Index, expression: string): [Word, Word] | null {
  const { stems, joined, negative } = readExpression(expression);
  const { words, positions } = index;
  if (stems.length === 0) return null;
  const fits = (first: Word, last: Word) => negatedAt(words, first.raw, last.raw) === negative;
  for (const at of positions.get(joined) ?? []) if (fits(words.list[at]!, words.list[at]!)) return [words.list[at]!, words.list[at]!];
  const whole = words.joined.get(joined);
  if (whole && fits(whole, whole)) return [whole, whole];
  if (stems.length === 1) return null;
  const window = stems.length - 1 + SLACK;
  for (const anchor of positions.get(stems[0]!) ?? []) {
    let lo = anchor;
    let hi = anchor;
    const ok = stems.slice(1).every((stem) => {
      const at = (positions.get(stem) ?? []).find((p) => p !== anchor && Math.abs(p - anchor) <= window);
      if (at === undefined) return false;
      lo = Math.min(lo, at);
      hi = Math.max(hi, at);
      return true;
    });
    if (ok && hi - lo <= window && fits(words.list[lo]!, words.list[hi]!)) return [words.list[lo]!, words.list[hi]!];
  }
  return null;
}

const MAX_PHRASE = 90;
function quote(index: Index, [first, last]: [Word, Word]): string {
  const text = index.words.text;
  const phrase = text.slice(first.start, last.end).replace(/\s+/g, " ").trim();
  return phrase.length > MAX_PHRASE ? `${phrase.slice(0, MAX_PHRASE - 1)}…` : phrase;
}

function hear(index: Index, concept: Concept): Heard | null {
  for (const expression of concept.any) {
    const span = find(index, expression);
    if (span) return { concept: concept.name, phrase: quote(index, span) };
  }
  return null;
}

export type ScoredPoint = { text: string; rubric: KeyPointRubric };

export function keyPointCoverage(answer: string, points: ScoredPoint[]): { points: KeyPointCoverage[]; score: number } {
  const index = indexAnswer(answer);
  const out = points.map(({ text, rubric }) => {
    const heard: Heard[] = [];
    const missing: string[] = [];
    for (const concept of rubric.concepts) {
      const h = hear(index, concept);
      if (h) heard.push(h);
      else missing.push(concept.name);
    }
    const wrong = rubric.disqualifiers.map((d) => hear(index, d)).filter((h): h is Heard => h !== null);
    return { point: text, covered: missing.length === 0 && wrong.length === 0, heard, missing, wrong };
  });
  const score = out.length ? out.filter((p) => p.covered).length / out.length : 0;
  return { points: out, score };
}
