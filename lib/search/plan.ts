import "server-only";
// From the search box to tsqueries, asking the corpus what it knows: each term becomes PostgreSQL's own
// phrase query over its spellings; a last word that no document holds becomes a prefix ("prefe" -> prefetch);
// a word the bank does not know is replaced by the nearest word it does ("middlware" -> middleware).
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { describeTerms, parseSearch, type SearchTerm } from "./parse";
import { nearestWord } from "./words";

/** Where a search looks: whether a tsquery finds anything there, and whether its words may correct typos. */
export type Corpus = { contains: (tsquery: Prisma.Sql) => Prisma.Sql; corrects: boolean };

export const bankCorpus: Corpus = {
  contains: (tsquery) => Prisma.sql`exists (select 1 from "Question" q where q."archivedAt" is null and q.search @@ ${tsquery})`,
  corrects: true,
};

export const notesCorpus = (userId: string): Corpus => ({
  contains: (tsquery) => Prisma.sql`exists (select 1 from "Note" n where n."userId" = ${userId}::uuid and n.search @@ ${tsquery})`,
  corrects: false,
});

export type PlannedTerm = { raw: string; query: string };

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
};

type Analysed = { i: number; query: string; known: boolean };

/** Each term's phrase query (its spellings OR'd) and whether the corpus holds it, in one round trip. */
async function analyse(variants: string[][], corpus: Corpus): Promise<Analysed[]> {
  if (!variants.length) return [];
  return db().$queryRaw<Analysed[]>`
    select t.i::int as i, coalesce(x.query, '') as query,
           (x.query is not null and ${corpus.contains(Prisma.sql`x.query::tsquery`)}) as known
    from unnest(${variants.map((v) => v.join("\n"))}::text[]) with ordinality t(v, i)
    cross join lateral (
      select string_agg('(' || p::text || ')', ' | ') as query
      from (select phraseto_tsquery('english', s) as p from unnest(string_to_array(t.v, chr(10))) s) y
      where numnode(p) > 0
    ) x
    order by t.i`;
}

/** The prefix query of a last word still being typed, if the corpus holds a word starting with it. */
async function prefixQuery(word: string, corpus: Corpus): Promise<string | null> {
  if (!/^\p{L}+$/u.test(word)) return null;
  const rows = await db().$queryRaw<{ query: string; known: boolean }[]>`
    select p::text as query, numnode(p) > 0 and ${corpus.contains(Prisma.sql`p`)} as known
    from to_tsquery('english', ${`${word.toLowerCase()}:*`}) p`;
  return rows[0]?.known ? rows[0].query : null;
}

export async function planSearch(input: string | undefined, corpus: Corpus): Promise<SearchPlan> {
  const parsed = parseSearch(input);
  const analysed = await analyse(parsed.map((t) => t.variants), corpus);
  const terms: (PlannedTerm & { term: SearchTerm })[] = [];
  const corrections: SearchPlan["corrections"] = [];
  for (const [index, term] of parsed.entries()) {
    const found = analysed[index];
    if (!found?.query) continue; // stop words only
    if (found.known) {
      terms.push({ raw: term.raw, query: found.query, term });
      continue;
    }
    const prefix = term.prefix ? await prefixQuery(term.raw, corpus) : null;
    if (prefix) {
      terms.push({ raw: term.raw, query: prefix, term });
      continue;
    }
    const nearest = term.correctable && corpus.corrects ? await nearestWord(term.raw.toLowerCase()) : null;
    const corrected = nearest ? (await analyse([[nearest]], corpus))[0] : undefined;
    if (nearest && corrected?.known) {
      corrections.push({ from: term.raw, to: nearest });
      terms.push({ raw: nearest, query: corrected.query, term });
    } else terms.push({ raw: term.raw, query: found.query, term }); // unknown: only a partial match can follow
  }
  const planned = terms.map(({ raw, query }) => ({ raw, query }));
  return {
    terms: planned,
    all: planned.map((t) => `(${t.query})`).join(" & "),
    any: planned.map((t) => `(${t.query})`).join(" | "),
    searched: describeTerms(planned.length ? planned : parsed),
    corrections,
  };
}
