import "server-only";
// From the search box to tsqueries, asking the corpus what it knows: each term becomes PostgreSQL's own
// phrase query over its spellings; a last word that no document holds becomes a prefix ("prefe" -> prefetch);
// a word the bank does not know is replaced by the nearest word it does ("middlware" -> middleware).
import { sharedCache } from "../cache";
import { db } from "../db/client";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { describeTerms, parseSearch } from "./parse";
import { nearestWord } from "./words";

/**
 * Where a search looks: whether a tsquery finds anything there, and whether its words may correct typos, complete a
 * last word from the bank's lexeme list (cached) and weigh terms by their counts (the bank's, "SearchWord" and
 * "SearchLexeme"; a user's notes have neither, and complete a last word in the round trip of the terms).
 */
export type Corpus = {
  contains: (tsquery: Prisma.Sql) => Prisma.Sql;
  bank: boolean;
};

/** The stemmed lexeme of one word (none for a stop word), as `to_tsquery('english', 'word:*')` takes it. */
const stemOf = (word: string) =>
  Prisma.sql`(select s from unnest(tsvector_to_array(to_tsvector('english', ${word}))) s limit 1)`;

export const bankCorpus: Corpus = {
  contains: (tsquery) =>
    Prisma.sql`exists (select 1 from "Question" q where q."archivedAt" is null and q.search @@ ${tsquery})`,
  bank: true,
};

/**
 * Whether a word of the bank starts with `word`: from the bank's lexeme list (its B-tree), not the questions: a prefix
 * nothing starts with (a typo as the last word) made PostgreSQL read every question's words to find none, 0.3 s at
 * 100,000 questions. The range finds the lexemes with the index; `starts_with` keeps only true prefixes whatever the
 * database's collation.
 */
const bankHoldsPrefix = (word: string) => Prisma.sql`exists (select 1 from "SearchLexeme" l, ${stemOf(word)} p(stem)
    where l.lexeme >= p.stem and l.lexeme < p.stem || chr(1114111) and starts_with(l.lexeme, p.stem))`;

export const notesCorpus = (userId: string): Corpus => ({
  contains: (tsquery) =>
    Prisma.sql`exists (select 1 from "Note" n where n."userId" = ${userId}::uuid and n.search @@ ${tsquery})`,
  bank: false,
});

/** A term's tsquery text and its weight: ln(1 + questions / questions holding it), 1 in notes. */
export type PlannedTerm = { raw: string; query: string; weight: number };

/** Live questions, and the questions holding the rarest lexeme of a spelling (a phrase is no commoner than it), for the commonest spelling. */
const TOTAL = Prisma.sql`(select docs from "SearchLexeme" where lexeme = '')`;
const weightOf = (docs: Prisma.Sql) => Prisma.sql`ln(1 + greatest(${TOTAL}, 1)::float8 / greatest(${docs}, 1))`;

export type SearchPlan = {
  /** The terms searched, each with its tsquery text; stop words alone make no term. */
  terms: PlannedTerm[];
  /** Every term (AND) and any term (OR), as tsquery text; empty when there is no term. */
  all: string;
  any: string;
  /** What was searched, after noise words were dropped and typos corrected. */
  searched: string;
  /** The words replaced by the bank's nearest ones. */
  corrections: { from: string; to: string }[];
  /** Live questions in the bank (the bank corpus only; null for notes or before the first seed). */
  total: number | null;
};

type Analysed = {
  i: number;
  query: string;
  known: boolean;
  weight: number;
  total: number | null;
  /** A user's notes only: the prefix query of a last word they do not hold whole, when a word of theirs starts with it. */
  prefix?: string | null;
};

/**
 * What the bank knows of a term (its tsquery, whether any question holds it, its weight) depends on the term and
 * the bank alone, not on the rest of the search: it is kept like the bank's other content, for
 * CONTENT_CACHE_SECONDS, so a search of words searched before (in any combination) asks the database only for
 * its results. Notes are one user's and change with every save: never kept.
 */
const bankTerms = sharedCache<Omit<Analysed, "i">>("search-terms", {
  ttlMs: () => env().CONTENT_CACHE_SECONDS * 1000,
  max: 20_000,
});

/**
 * Each term's phrase query (its spellings OR'd) and whether the corpus holds it: the bank's from its cache, the rest
 * in one round trip. For notes that round trip also looks for the prefixes of `prefixes` (a word each, or null) where
 * the whole word is not held: a search typed into the notes box nearly always ends in a word still being typed.
 */
async function analyse(variants: string[][], corpus: Corpus, prefixes: (string | null)[] = []): Promise<Analysed[]> {
  if (!corpus.bank) return analyseNow(variants, corpus, prefixes);
  const keys = variants.map((v) => v.join("\n"));
  const known = new Map<string, Omit<Analysed, "i">>();
  const missing = [...new Set(keys)].filter((key) => {
    const kept = bankTerms.peek(key);
    if (kept) known.set(key, kept.value);
    return !kept;
  });
  if (missing.length) {
    const rows = await analyseNow(
      missing.map((key) => key.split("\n")),
      corpus,
    );
    for (const { i, ...row } of rows) {
      const key = missing[i - 1]!;
      known.set(key, row);
      bankTerms.set(key, row);
    }
  }
  return keys.map((key, index) => ({ i: index + 1, ...known.get(key)! }));
}

async function analyseNow(variants: string[][], corpus: Corpus, prefixes: (string | null)[] = []): Promise<Analysed[]> {
  if (!variants.length) return [];
  // Letters only (prefixWord), so `word:*` is always a valid tsquery; looked for only when the whole word is not held.
  const prefixWords = variants.map((_, i) => (corpus.bank ? null : (prefixes[i] ?? null)));
  const prefix = prefixWords.some(Boolean)
    ? Prisma.sql`case when t.pw is null or k.known then null
                 else (select p::text from to_tsquery('english', t.pw || ':*') p
                       where numnode(p) > 0 and ${corpus.contains(Prisma.sql`p`)}) end`
    : Prisma.sql`null::text`;
  return db().$queryRaw<Analysed[]>`
    select t.i::int as i, coalesce(x.query, '') as query, k.known,
           ${corpus.bank ? weightOf(Prisma.sql`x.docs`) : Prisma.sql`1::float8`} as weight,
           ${corpus.bank ? Prisma.sql`${TOTAL}::int` : Prisma.sql`null::int`} as total,
           ${prefix} as prefix
    from unnest(${variants.map((v) => v.join("\n"))}::text[], ${prefixWords}::text[]) with ordinality t(v, pw, i)
    cross join lateral (
      select string_agg('(' || p::text || ')', ' | ') as query,
             max((select min(coalesce(l.docs, 0)) from unnest(tsvector_to_array(to_tsvector('english', s))) w
                  left join "SearchLexeme" l on l.lexeme = w)) as docs
      from (select s, phraseto_tsquery('english', s) as p from unnest(string_to_array(t.v, chr(10))) s) y
      where numnode(p) > 0
    ) x
    cross join lateral (select x.query is not null and ${corpus.contains(Prisma.sql`x.query::tsquery`)} as known) k
    order by t.i`;
}

type Prefix = { query: string; weight: number } | null;
/** A last word that may be searched as a prefix: letters only, lowercased (`to_tsquery` reads it as it is). */
const prefixWord = (raw: string) => (/^\p{L}+$/u.test(raw) ? raw.toLowerCase() : null);
const bankPrefixes = sharedCache<Prefix>("search-prefixes", {
  ttlMs: () => env().CONTENT_CACHE_SECONDS * 1000,
  max: 5_000,
});

/** The prefix query of a last word still being typed, if a word of the bank starts with it (kept like its terms). */
function bankPrefix(word: string): Promise<Prefix> {
  const lowered = prefixWord(word);
  return lowered ? bankPrefixes.get(lowered, () => findBankPrefix(lowered)) : Promise.resolve(null);
}

async function findBankPrefix(word: string): Promise<Prefix> {
  const docs = Prisma.sql`(select least(${TOTAL}, sum(docs)) from "SearchLexeme" where lexeme like ${`${word}%`})`;
  const rows = await db().$queryRaw<{ query: string; known: boolean; weight: number }[]>`
    select p::text as query, numnode(p) > 0 and ${bankHoldsPrefix(word)} as known, ${weightOf(docs)} as weight
    from to_tsquery('english', ${`${word}:*`}) p`;
  return rows[0]?.known ? { query: rows[0].query, weight: rows[0].weight } : null;
}

export async function planSearch(input: string | undefined, corpus: Corpus): Promise<SearchPlan> {
  let parsed = parseSearch(input);
  const prefixesOf = (terms: typeof parsed) => terms.map((t) => (t.prefix ? prefixWord(t.raw) : null));
  let analysed = await analyse(
    parsed.map((t) => t.variants),
    corpus,
    prefixesOf(parsed),
  );
  // A joined token nothing holds ("pytest-djagno") is searched as its parts, each of which may be a typo.
  if (analysed.some((a, i) => a.query && !a.known && /[.-]/.test(parsed[i]!.raw))) {
    parsed = parseSearch(parsed.map((t, i) => (analysed[i]!.known ? t.raw : t.raw.replace(/[.-]+/g, " "))).join(" "));
    analysed = await analyse(
      parsed.map((t) => t.variants),
      corpus,
      prefixesOf(parsed),
    );
  }
  const terms: PlannedTerm[] = [];
  const corrections: SearchPlan["corrections"] = [];
  for (const [index, term] of parsed.entries()) {
    const found = analysed[index];
    if (!found?.query) continue; // stop words only
    if (found.known) {
      terms.push({ raw: term.raw, query: found.query, weight: found.weight });
      continue;
    }
    const prefix = !term.prefix
      ? null
      : corpus.bank
        ? await bankPrefix(term.raw)
        : found.prefix
          ? { query: found.prefix, weight: 1 }
          : null;
    if (prefix) {
      terms.push({ raw: term.raw, ...prefix });
      continue;
    }
    const nearest = term.correctable && corpus.bank ? await nearestWord(term.raw.toLowerCase()) : null;
    const corrected = nearest ? (await analyse([[nearest]], corpus))[0] : undefined;
    if (nearest && corrected?.known) {
      corrections.push({ from: term.raw, to: nearest });
      terms.push({ raw: nearest, query: corrected.query, weight: corrected.weight });
    } else terms.push({ raw: term.raw, query: found.query, weight: found.weight }); // unknown: only a partial match can follow
  }
  const planned = terms;
  return {
    terms: planned,
    all: planned.map((t) => `(${t.query})`).join(" & "),
    any: planned.map((t) => `(${t.query})`).join(" | "),
    searched: describeTerms(planned.length ? planned : parsed),
    corrections,
    total: analysed[0]?.total ?? null,
  };
}
