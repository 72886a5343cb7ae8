// The search box's words as terms, shared by the question bank and notes searches (docs/decisions/0014-search.md).
// Pure: it decides what to look for; PostgreSQL's own parser and stemmer (phraseto_tsquery) turn each term
// into lexemes, so a term is normalised exactly as the documents are.

export type SearchTerm = {
  /** As typed (trimmed of punctuation): what the page says was searched. */
  raw: string;
  /** Spellings that all count as this term, each searched as a phrase ("select_related", "login required mixin"). */
  variants: string[];
  /** An acronym, a short token or one with digits or symbols (CSRF, N+1, 403): matched whole, never guessed at. */
  exact: boolean;
  /** The last word, perhaps still being typed: matched as a prefix only when it is not a word of the bank itself. */
  prefix: boolean;
  /** A plain word or identifier that may be a typo of a known one. */
  correctable: boolean;
};

export const MAX_TERMS = 8;

/**
 * Words and phrases that say how a candidate asks, not what about: dropped while anything else remains.
 * English stop words ("how", "what", "is", "between") are dropped by PostgreSQL itself; these are the rest.
 * "django" is here because every question in the bank is about Django.
 */
const NOISE_PHRASES: string[][] = [
  ["what", "is", "the", "difference"],
  ["difference", "between"],
  ["differences", "between"],
  ["how", "do", "i"],
  ["how", "do", "you"],
  ["how", "to"],
  ["how", "does"],
  ["what", "is"],
  ["what", "are"],
  ["what", "s"],
  ["tell", "me", "about"],
  ["when", "should", "i"],
  ["when", "to"],
  ["compared", "to"],
  ["in", "django"],
];
const NOISE_WORDS = new Set([
  "vs",
  "versus",
  "difference",
  "differences",
  "compare",
  "compared",
  "comparison",
  "explain",
  "describe",
  "use",
  "using",
  "work",
  "works",
  "django",
  "whats",
  "example",
]);

/** Identifier-ish tokens: letters, digits and underscores, joined by dots or hyphens, with an optional +N or ++ (N+1, C++). */
const TOKEN = /[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:\+\p{N}*\+?)?/gu;

function dropNoise(tokens: string[]): string[] {
  const lower = tokens.map((t) => t.toLowerCase());
  const keep = tokens.map(() => true);
  for (const phrase of NOISE_PHRASES) {
    for (let i = 0; i + phrase.length <= lower.length; i++) {
      if (phrase.every((word, j) => lower[i + j] === word)) phrase.forEach((_, j) => (keep[i + j] = false));
    }
  }
  lower.forEach((word, i) => {
    if (NOISE_WORDS.has(word)) keep[i] = false;
  });
  const kept = tokens.filter((_, i) => keep[i]);
  return kept.length ? kept : tokens;
}

/** "LoginRequiredMixin" -> "login required mixin", "JSONField" -> "json field"; null when not camelCase. */
export function splitCamelCase(token: string): string | null {
  if (!/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u.test(token) || /[_.-]/.test(token)) return null;
  return token
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
    .toLowerCase();
}

function toTerm(raw: string, last: boolean): SearchTerm {
  const lower = raw.toLowerCase();
  const variants = [lower];
  const camel = splitCamelCase(raw);
  if (camel) variants.push(camel);
  // PostgreSQL reads "request.user" as one host-like token: the parts, as a phrase, find "request user" too.
  if (/[.-]/.test(lower)) variants.push(lower.replace(/[.-]+/g, " "));
  const letters = /^\p{L}+$/u.test(raw);
  const shouting = raw.length >= 2 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw);
  const exact = raw.length <= 3 || /[\p{N}+]/u.test(raw) || (shouting && letters);
  return {
    raw,
    variants,
    exact,
    prefix: last && letters && raw.length >= 3 && !shouting && !camel,
    correctable: !exact && !camel && /^\p{L}[\p{L}_]{3,39}$/u.test(raw),
  };
}

/** The terms of a search; empty when the box holds nothing searchable. */
export function parseSearch(input: string | undefined): SearchTerm[] {
  const tokens = (input ?? "").normalize("NFKC").match(TOKEN) ?? [];
  const cleaned = tokens.map((t) => t.replace(/^_+|_+$/g, "")).filter((t) => t.length > 0);
  const seen = new Set<string>();
  const unique = dropNoise(cleaned).filter((t) => {
    const key = t.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept = unique.slice(0, MAX_TERMS);
  return kept.map((raw, i) => toTerm(raw, i === kept.length - 1 && kept.length === unique.length));
}

/** The terms as one line, for cache keys and for saying what was searched. */
export const describeTerms = (terms: { raw: string }[]) => terms.map((t) => t.raw).join(" ");
