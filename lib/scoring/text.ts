// The words of an answer as the scorer hears them: case folded, British spellings made American, identifiers
// split into words (raise_exception, LoginRequiredMixin, django.contrib.auth), stop words dropped and the rest
// stemmed with Porter2, the algorithm of PostgreSQL's english text-search configuration that search uses.
// Each word keeps where it came from, so a verdict can quote the answer's own phrase.
import britishSpellings from "american-british-english-translator/data/british_spellings.json";
import { eng as englishStopWords } from "stopword";
import porter2 from "wink-porter2-stemmer";

export type Word = {
  /** Stemmed, American spelling. */
  stem: string;
  /** Where the word (or the identifier it came from) starts and ends in the text. */
  start: number;
  end: number;
  /** Index of the raw word it came from; words split from one identifier share it. */
  raw: number;
  /**
   * Its place among the significant words, which distances are counted in: an identifier's whole-word form takes
   * its last part's place, so "manage.py collectstatic" is two words apart, not three. Never decreases.
   */
  at: number;
  /** An identifier read as one word, beside its parts. */
  whole?: true;
  /** A second stem heard in the same place (a number is also "any number"). */
  alias?: string;
};

export type Words = {
  /** Significant words in order (stop words removed). */
  list: Word[];
  /** Stems of whole identifiers written as one word ("selectrelated" for select_related). */
  joined: Map<string, Word>;
  /** Raw lower-case words in order, stop words included (for negation checks). */
  rawWords: string[];
  /** Whether each raw word is a negation (lower-case "none" is; Python's None is not). */
  negation: boolean[];
  /** Whether a sentence starts at each raw word (after . ! ? or a line break). */
  sentenceStart: boolean[];
  /** Whether a clause starts at each raw word (after . , ; : ! ? a bracket, a line break, or "but"). */
  clauseStart: boolean[];
  /** The text the offsets point into (NFKC-normalised). */
  text: string;
};

// The stopword library's English list, less the words PostgreSQL's english configuration keeps as words (search
// uses that one): "many" (many-to-many), "never", "must", "get" (get_object_or_404) carry meaning in answers.
const KEPT_BY_POSTGRES = new Set(
  "also another came come could get got like make many might much must never said since still take way well would".split(
    " ",
  ),
);
const STOP = new Set(englishStopWords.filter((word) => !KEPT_BY_POSTGRES.has(word)));
const BRITISH = britishSpellings as Record<string, string>;
// Derived forms the spelling list leaves out (authorisation, serialiser, tokenise): -is- becomes -iz- in every
// word of this shape. Both the rubric and the answer go through it, so a word folded needlessly still matches.
const IS_FORMS = /^(\p{L}{3,})is(e|es|ed|ing|er|ers|ation|ations|able)$/u;

export function americanSpelling(word: string): string {
  // Own keys only: "constructor" or "toString" in an answer must not find Object.prototype's functions.
  const listed = Object.hasOwn(BRITISH, word) ? BRITISH[word] : undefined;
  if (listed) return listed;
  const m = IS_FORMS.exec(word);
  return m ? `${m[1]}iz${m[2]}` : word;
}

// No English word or identifier part is this long; longer runs (pasted hashes, hostile input) are compared as
// they are, cut to this length: the stemmer's time grows faster than a word's length.
const LONGEST_WORD = 40;
// An identifier longer than this is read from its beginning only.
const LONGEST_IDENTIFIER = 120;

const memo = new Map<string, string>();
/** One word to the form both sides are compared in. */
export function normaliseWord(word: string): string {
  if (word.length > LONGEST_WORD) return word.slice(0, LONGEST_WORD);
  let out = memo.get(word);
  if (out === undefined) {
    out = porter2(americanSpelling(word));
    if (memo.size > 50_000) memo.clear();
    memo.set(word, out);
  }
  return out;
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

// A raw word: letters and digits, joined by _ . - inside identifiers and compounds (get_queryset, __all__,
// django.contrib.auth, many-to-many); "N+1" and "C++" kept whole.
const RAW_WORD = /[\p{L}\p{N}]+(?:\+[\p{N}]+|\+\+)?(?:[_.-]+[\p{L}\p{N}]+)*_*/gu;
// camelCase and PascalCase boundaries: loginRequired -> login|Required, HTTPResponse -> HTTP|Response.
// An upper-case run followed by a plural s stays whole (JWTs, URLs).
const CAMEL = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll}{2,})/u;

/** Splits an identifier into its lower-case parts; a plain word is one part. */
export function identifierParts(raw: string): string[] {
  return raw
    .split(/[_.-]+/)
    .flatMap((part) => part.split(CAMEL))
    .map((part) => part.toLowerCase())
    .filter(Boolean);
}

function canonicalToken(part: string): string {
  // "n+1" is its own word; other "+" suffixes are dropped ("c++" -> "c").
  if (/^n\+1$/.test(part)) return "nplusone";
  return part.replace(/\+.*$/, "");
}

// Punctuation between two words that ends a clause or a sentence ("!=" is code, neither).
const CLAUSE_BREAK = /[.,;:?()[\]{}\n]|!(?!=)/;
const SENTENCE_BREAK = /[.?\n]|!(?!=)/;
const CLAUSE_WORDS = new Set(["but", "however", "although", "whereas", "while", "so", "because"]);
const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "t",
  "cannot",
  "without",
  "nor",
  "nothing",
  "nobody",
  "neither",
  "hardly",
  "instead",
  "rather",
]);
/**
 * An expression may say "any number" with `#` ("# users a day", "cut by # percent"): it is heard on any number
 * written in digits ("300", "2k", "1.5m", "9"). A percent sign after a number is also heard as "percent".
 * In an expression `#` is read as this reserved word; in an answer a number is also heard as that word.
 */
const NUMBER_WORD = "anynumberq";
export const NUMBER_STEM = NUMBER_WORD;
const NUMBER = /^\d[\d.,]*(?:k|m|bn|x|ms|s|h)?$/i;
const PERCENT_STEM = "percent";

/** Reads a rubric expression: as an answer is read, with a standalone `#` standing for any number. */
export function readExpressionWords(expression: string): Words {
  return readWords(expression.replace(/(^|\s)#(?=\s|$)/g, `$1${NUMBER_WORD}`));
}

/** How far back a negation reaches within its clause ("don't need to be idempotent"). */
const NEGATION_REACH = 5;

/**
 * Whether the words from raw index `first` to `last` are said in a negated clause: a negation inside them or
 * up to five words before, within the same clause ("tasks don't need to be idempotent", "we never profiled"),
 * or, when `after` is given, that many words after ("select_related isn't for M2M").
 */
export function negatedAt(words: Words, first: number, last: number, after = 0): boolean {
  for (let i = first; i <= last; i++) if (words.negation[i]) return true;
  for (let i = last + 1; i <= last + after && i < words.negation.length; i++) {
    if (words.clauseStart[i]) break;
    if (words.negation[i]) return true;
  }
  for (let i = first; i > first - NEGATION_REACH && i > 0; i--) {
    if (words.clauseStart[i]) break;
    if (words.negation[i - 1]) return true;
  }
  return false;
}

const AUXILIARIES = new Set(
  "is are was were be been do does did has have had can could will would shall should must may might need".split(" "),
);

/**
 * Whether the words ending at raw index `last` are denied right after them, in their clause: "X isn't", "X doesn't
 * work", "X is not needed". Only a negated verb denies: "404 rather than 403" and "is_bound and not errors" do not.
 */
export function deniedAfter(words: Words, last: number): boolean {
  for (let i = last + 1; i <= last + 2 && i < words.negation.length; i++) {
    if (words.clauseStart[i]) return false;
    if (words.rawWords[i] === "t") return true;
    if (words.negation[i] && AUXILIARIES.has(words.rawWords[i - 1]!)) return i - 1 > last;
  }
  return false;
}

/** Reads a text (answers may be long: callers bound it) into significant words. */
export function readWords(text: string): Words {
  const list: Word[] = [];
  const joined = new Map<string, Word>();
  const rawWords: string[] = [];
  const clauseStart: boolean[] = [];
  const negation: boolean[] = [];
  const sentenceStart: boolean[] = [];
  let previousEnd = 0;
  let place = 0;
  const source = text.normalize("NFKC").replace(/\bn\s*\+\s*1\b/gi, (m) => "n+1" + " ".repeat(m.length - 3));
  for (const match of source.matchAll(RAW_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const raw = rawWords.length;
    const parts = identifierParts(match[0].slice(0, LONGEST_IDENTIFIER)).map(canonicalToken).filter(Boolean);
    rawWords.push(parts.join(""));
    negation.push(NEGATIONS.has(rawWords[raw]!) || match[0] === "none");
    // A dot right before a word after a space begins the word (".env", ".get()"): it ends no sentence.
    const gap = source.slice(previousEnd, start);
    // Empty call brackets belong to the name before them ("validate() runs"): they end no clause.
    const between = (/\s\.$/.test(gap) ? gap.slice(0, -1) : gap).replace(/^\(\)/, "");
    sentenceStart.push(raw === 0 || SENTENCE_BREAK.test(between));
    clauseStart.push(raw === 0 || CLAUSE_BREAK.test(between) || CLAUSE_WORDS.has(rawWords[raw - 1]!));
    previousEnd = end;
    // Inside an identifier or a compound every part counts: on_delete is not "delete", HttpOnly not "http",
    // __all__ not nothing. Only a plain word can be a stop word.
    const compound = parts.length > 1 || match[0].endsWith("_") || source[start - 1] === "_";
    const first = list.length;
    for (const part of parts) {
      if (!compound && STOP.has(part)) continue;
      list.push({ stem: normaliseWord(part), start, end, raw, at: place++ });
    }
    if (NUMBER.test(match[0]) && list.length > first) {
      // A number is also heard as "any number" (# in an expression), in its own place: no extra word between.
      list[first]!.alias = NUMBER_STEM;
      // "30%" is "30 percent": the sign is a word of its own, as it would be when spelt out.
      if (source[end] === "%") list.push({ stem: PERCENT_STEM, start: end, end: end + 1, raw, at: place++ });
    }
    if (parts.length > 1) {
      // The identifier as one word too: "queryset lazy" matches "QuerySets are lazy", "selectrelated" matches select_related.
      const whole = { stem: normaliseWord(parts.join("")), start, end, raw, at: place - 1, whole: true as const };
      list.push(whole);
      if (!joined.has(whole.stem)) joined.set(whole.stem, whole);
    }
  }
  return { list, joined, rawWords, negation, sentenceStart, clauseStart, text: source };
}
