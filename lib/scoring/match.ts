// Key-point coverage: a key point is covered when every one of its required concepts is heard in the answer
// and none of its disqualifiers is. A concept is heard when any of its expressions is: all of the expression's
// significant words, in any order, within a few words of each other (or an identifier written as one word).
// The verdict quotes the answer's own phrase for what was heard and names what was not.
import type { Concept, KeyPointRubric } from "../schemas/rubric";
import { deniedAfter, negatedAt, normaliseWord, readExpressionWords, readWords, type Word, type Words } from "./text";

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
  /**
   * Required concepts only named by one term (select_related, "object-level") in an answer that makes a wrong
   * claim: not heard (they are in `missing` too), quoted so the review can say why.
   */
  named: Heard[];
};

/** Answers are read up to this many characters: a longer text is judged on its beginning. */
export const SCORED_CHARACTERS = 50_000;
/** Extra words allowed between the words of one expression. */
const SLACK = 3;

/** Each significant word's sentence and clause (numbered in order), so two words' unit is compared at once. */
type Index = {
  words: Words;
  positions: Map<string, number[]>;
  sentence: Int32Array;
  clause: Int32Array;
  /** Each list position's place among the words (Word.at), which distances are counted in. */
  place: Int32Array;
};

function indexAnswer(answer: string): Index {
  const words = readWords(answer.slice(0, SCORED_CHARACTERS));
  const positions = new Map<string, number[]>();
  const add = (stem: string, i: number) => {
    const at = positions.get(stem);
    if (at) at.push(i);
    else positions.set(stem, [i]);
  };
  words.list.forEach((w, i) => {
    add(w.stem, i);
    if (w.alias) add(w.alias, i);
  });
  const sentence = new Int32Array(words.list.length);
  const clause = new Int32Array(words.list.length);
  let s = -1;
  let c = -1;
  let raw = -1;
  words.list.forEach((w, i) => {
    for (raw++; raw <= w.raw; raw++) {
      if (words.sentenceStart[raw]) s++;
      if (words.clauseStart[raw]) c++;
    }
    raw = w.raw;
    sentence[i] = s;
    clause[i] = c;
  });
  return { words, positions, sentence, clause, place: Int32Array.from(words.list, (w) => w.at) };
}

/** An expression read once: its stems, its joined form, its polarity, and how many terms (words or identifiers) it has. */
type Expression = { stems: string[]; joined: string; negative: boolean; terms: number };
const expressionCache = new Map<string, Expression>();
function readExpression(expression: string): Expression {
  let read = expressionCache.get(expression);
  if (!read) {
    const words = readExpressionWords(expression);
    // Negation words give the expression its polarity ("not durable", "never log"): they are not matched as
    // words (lib/schemas/rubric.ts requires another word).
    const stems = words.list.filter((w) => !w.whole && !words.negation[w.raw]).map((w) => w.stem);
    // The expression as one word: "select related" and select_related both also match "selectrelated".
    const joined =
      stems.length === 1 ? stems[0]! : normaliseWord(words.rawWords.filter((_, i) => !words.negation[i]).join(""));
    const terms = new Set(words.list.filter((w) => !w.whole && !words.negation[w.raw]).map((w) => w.raw)).size;
    read = { stems, joined, negative: words.negation.some(Boolean), terms };
    if (expressionCache.size > 20_000) expressionCache.clear();
    expressionCache.set(expression, read);
  }
  return read;
}

type Span = [Word, Word];

/**
 * The position in `sorted` nearest to `anchor` (not `anchor` itself) within `window` and in the anchor's own unit
 * (`unit`: its sentence or clause number per position), by binary search: a repeated word pairs with its
 * occurrence in the same sentence, not with a nearer one across a full stop.
 */
function nearest(
  sorted: number[],
  anchor: number,
  window: number,
  unit: Int32Array,
  place: Int32Array,
): number | undefined {
  // Places never decrease along the list, so the list positions within the window are one run of `sorted`.
  const from = place[anchor]! - window;
  const to = place[anchor]! + window;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (place[sorted[mid]!]! < from) lo = mid + 1;
    else hi = mid;
  }
  let best: number | undefined;
  const distance = (p: number) => Math.abs(place[p]! - place[anchor]!);
  for (let i = lo; i < sorted.length && place[sorted[i]!]! <= to; i++) {
    const p = sorted[i]!;
    if (p === anchor || unit[p] !== unit[anchor]) continue;
    if (best === undefined || distance(p) < distance(best)) best = p;
  }
  return best;
}

/**
 * Where in the answer an expression is said with the polarity it has (a positive expression in a clause that is
 * not negated, "no permission" in one that is), as [first word, last word] pairs.
 */
function find(index: Index, expression: string, claim: boolean, limit: number): Span[] {
  const { stems, joined, negative } = readExpression(expression);
  const { words, positions } = index;
  const spans: Span[] = [];
  if (stems.length === 0) return spans;
  // A wrong claim is not made when a negation follows its words in the same clause ("select_related isn't for M2M").
  const after = claim ? 3 : 0;
  // ... and is made in one clause: "select_related for FK, prefetch_related for M2M" does not say "select_related M2M".
  // An expression's words belong to one sentence ("javascript: URLs are bad. Validate forms." is not "URL validation").
  const oneClause = (first: Word, last: Word) =>
    !(claim ? words.clauseStart : words.sentenceStart).slice(first.raw + 1, last.raw + 1).some(Boolean);
  const fits = (first: Word, last: Word) =>
    oneClause(first, last) &&
    // A concept denied right after it ("row-level security doesn't work with Django") is not heard either.
    (negatedAt(words, first.raw, last.raw, after) || (!claim && deniedAfter(words, last.raw))) === negative;
  for (const at of positions.get(joined) ?? []) {
    if (spans.length >= limit) return spans;
    if (fits(words.list[at]!, words.list[at]!)) spans.push([words.list[at]!, words.list[at]!]);
  }
  const whole = words.joined.get(joined);
  if (whole && spans.length < limit && fits(whole, whole)) spans.push([whole, whole]);
  if (stems.length === 1 || spans.length >= limit) return spans;
  const window = stems.length - 1 + SLACK;
  for (const anchor of positions.get(stems[0]!) ?? []) {
    if (spans.length >= limit) break;
    let lo = anchor;
    let hi = anchor;
    const ok = stems.slice(1).every((stem) => {
      // The nearest occurrence, so a repeated word does not pair with a far one.
      const at = nearest(positions.get(stem) ?? [], anchor, window, claim ? index.clause : index.sentence, index.place);
      if (at === undefined) return false;
      lo = Math.min(lo, at);
      hi = Math.max(hi, at);
      return true;
    });
    if (ok && index.place[hi]! - index.place[lo]! <= window && fits(words.list[lo]!, words.list[hi]!))
      spans.push([words.list[lo]!, words.list[hi]!]);
  }
  return spans;
}

const MAX_PHRASE = 90;
function quote(index: Index, [first, last]: Span): string {
  const text = index.words.text;
  const phrase = text.slice(first.start, last.end).replace(/\s+/g, " ").trim();
  return phrase.length > MAX_PHRASE ? `${phrase.slice(0, MAX_PHRASE - 1)}…` : phrase;
}

/** Places a concept is said (any of its expressions of at least `terms` terms, in their order), up to `limit`. */
function spansOf(index: Index, concept: Concept, claim: boolean, limit: number, terms = 1): Span[] {
  const out: Span[] = [];
  for (const expression of concept.any) {
    if (readExpression(expression).terms < terms) continue;
    out.push(...find(index, expression, claim, limit - out.length));
    if (out.length >= limit) break;
  }
  return out;
}

export type ScoredPoint = { text: string; rubric: KeyPointRubric };

export function keyPointCoverage(answer: string, points: ScoredPoint[]): { points: KeyPointCoverage[]; score: number } {
  const index = indexAnswer(answer);
  const wrongs = points.map(({ rubric }) =>
    rubric.disqualifiers.flatMap((d) =>
      spansOf(index, d, true, 1).map((span) => ({ concept: d.name, phrase: quote(index, span) })),
    ),
  );
  // An answer that makes a wrong claim a rubric knows has shown that the terms it uses prove little: there a
  // concept is heard only from an expression that states something (two terms or more: "select_related JOIN",
  // "raises 403"), not from one term it names (select_related, "403"). docs/scoring.md.
  const doubted = wrongs.some((w) => w.length > 0);
  const out = points.map(({ text, rubric }, i) => {
    const heard: Heard[] = [];
    const missing: string[] = [];
    const named: Heard[] = [];
    for (const concept of rubric.concepts) {
      const [span] = spansOf(index, concept, false, 1, doubted ? 2 : 1);
      if (span) {
        heard.push({ concept: concept.name, phrase: quote(index, span) });
        continue;
      }
      missing.push(concept.name);
      const [term] = doubted ? spansOf(index, concept, false, 1) : [];
      if (term) named.push({ concept: concept.name, phrase: quote(index, term) });
    }
    const wrong = wrongs[i]!;
    return { point: text, covered: missing.length === 0 && wrong.length === 0, heard, missing, wrong, named };
  });
  const score = out.length ? out.filter((p) => p.covered).length / out.length : 0;
  return { points: out, score };
}
