import "server-only";
// Ranked search over the bank (docs/decisions/0014-search.md, 0016-search-at-scale.md, lib/search/rank.ts):
// questions holding every term first, then, to fill the page, the best partial matches, each marked. Keyset
// pages by rank.
//
// The cost of a search does not grow with the number of questions holding its words: it reads a bounded set of
// candidates, found three ways, and ranks only the best of them by the whole text:
// - the questions holding every term in what they are about (title, key points, tags: the "head" tsvector and
//   its GIN index), and some holding every term anywhere (the "search" GIN index), each read up to a limit;
// - for each word searched, the questions that word alone ranks highest ("SearchPosting", read in rank order);
// - with a topic, difficulty, kind, tag or company filter, the same among the questions the filter lets in.
// The candidates are ordered by their heads (small, kept in the row) and the best CANDIDATES are ranked by the
// whole document (the formula of rank.ts). Facet counts are counted over those, in the same pass; when more
// questions may match than were read, the response says so (`capped`) and the page shows "N+".
import { sharedCache } from "../cache";
import { db } from "../db/client";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { PLAN_EACH_TIME } from "../db/prisma-client";
import type { QuestionList, QuestionListQuery } from "../schemas/questions";
import { FENCE, headlineOptions } from "../search/highlight";
import { bankCorpus, planSearch, type SearchPlan } from "../search/plan";
import { FIELD_WEIGHTS, HELD_BONUS, loosened, searchRank, widenings, type Match } from "../search/rank";
import { decodeCursor, encodeCursor } from "./cursor";
import { filters, toListItem, type Row } from "./questions";

const SNIPPET = headlineOptions({ maxWords: 28, minWords: 12 });
const WHOLE = headlineOptions({ all: true });

/** Questions ranked by their whole text, the most a search reads per filter: its result list ends there. */
export const CANDIDATES = 100;
/** Questions read from each index of the candidates (see above). */
const HEAD_ALL = 300;
const ANYWHERE_ALL = 100;
const PER_WORD = 150;
const FILTERED = 100;
/**
 * A bank of up to this many live questions is searched whole: every question holding a term is ranked and counted,
 * so its facet counts are exact (ranking a thousand documents takes a few milliseconds; the caps above are for
 * banks far larger).
 */
export const WHOLE_BANK = 1_000;
/** The words of the answer a snippet is cut from (around the first match): ts_headline reads all it is given. */
const SNIPPET_CHARS = 600;

/** A candidate row: the list's columns (./questions Row) with its id and its rank parts. */
type Candidate = Omit<Row, "rank" | "snippet" | "title_html"> & {
  id: string;
  held: number;
  rank_all: number;
  rank_some: number;
};

/** The lexemes a term's tsquery text names (its spellings' words), without prefixes ("prefe:*"). */
export function lexemesOf(query: string): string[] {
  return [...query.matchAll(/'((?:[^']|'')+)'(:\*)?/g)].filter((m) => !m[2]).map((m) => m[1]!.replaceAll("''", "'"));
}

/** The rank of a candidate by its head (title, key points, tags): how the best CANDIDATES are chosen. */
function headRank(plan: SearchPlan): Prisma.Sql {
  const parts = plan.terms.map(
    (t) =>
      Prisma.sql`${t.weight}::float8 * (ts_rank(${FIELD_WEIGHTS}::float4[], q.head, ${t.query}::tsquery, 0) + ${HELD_BONUS}::float8 * (q.head @@ ${t.query}::tsquery)::int)`,
  );
  return Prisma.sql`1000 * (c.holds or q.head @@ ${plan.all}::tsquery)::int + ${Prisma.join(parts, " + ")}`;
}

async function candidates(query: QuestionListQuery, plan: SearchPlan): Promise<{ rows: Candidate[]; capped: boolean }> {
  const whole = plan.total !== null && plan.total <= WHOLE_BANK;
  const ranked = whole ? WHOLE_BANK : CANDIDATES;
  const keys = [...new Set(plan.terms.flatMap((t) => lexemesOf(t.query)))].slice(0, 12);
  const filtered = Boolean(query.topic || query.difficulty || query.kind || query.tag || query.company);
  const where = filters(query, null);
  const live = Prisma.sql`q."archivedAt" is null`;
  const any = Prisma.sql`${plan.any}::tsquery`;
  const all = Prisma.sql`${plan.all}::tsquery`;
  const loose = Prisma.sql`${loosened(plan.all)}::tsquery`;
  // Whether a document read by the loosened query holds every term: checked on it when phrases were loosened.
  const holdsAll = loosened(plan.all) === plan.all ? Prisma.sql`true` : Prisma.sql`q.search @@ ${all}`;
  const filteredHits = filtered
    ? Prisma.sql`
      union all (select q.id, 'f', true from "Question" q join "Topic" t on t.id = q."topicId" where ${where} and q.head @@ ${all} limit ${FILTERED})
      union all (select q.id, 'f', ${holdsAll} from "Question" q join "Topic" t on t.id = q."topicId" where ${where} and ${Prisma.raw(PLAN_EACH_TIME)} q.search @@ ${loose} limit ${FILTERED})
      union all (select q.id, 'f', false from "Question" q join "Topic" t on t.id = q."topicId" where ${where} and q.head @@ ${any} limit ${FILTERED})`
    : Prisma.empty;
  const best = (
    condition: Prisma.Sql,
  ) => Prisma.sql`(select q.id from cand c join "Question" q on q.id = c.id join "Topic" t on t.id = q."topicId"
      where ${condition} order by ${headRank(plan)} desc, q.slug limit ${ranked})`;
  const k = plan.terms.length;
  const rows = await db().$queryRaw<(Candidate & { hits: Record<string, number> })[]>`
    with hits as materialized (
      ${
        whole
          ? Prisma.sql`select q.id, 'bank' as src, q.search @@ ${all} as holds from "Question" q where ${live} and q.search @@ ${any}`
          : Prisma.sql`(select q.id, 'head' as src, true as holds from "Question" q where ${live} and q.head @@ ${all} limit ${HEAD_ALL})
      union all (select q.id, 'all', ${holdsAll} from "Question" q where ${live} and ${Prisma.raw(PLAN_EACH_TIME)} q.search @@ ${loose} limit ${ANYWHERE_ALL})
      union all (select p."questionId", 'p:' || w, false from unnest(${keys}::text[]) w
                 cross join lateral (select s."questionId" from "SearchPosting" s where s.lexeme = w order by s.score desc limit ${PER_WORD}) p)
      ${filteredHits}`
      }
    ),
    cand as (select id, bool_or(holds) as holds from hits group by id),
    chosen as (
      ${best(live)}
      ${filtered && !whole ? Prisma.sql`union ${best(where)}` : Prisma.empty}
    ),
    -- Detoasted once here (a new value, kept in the CTE), not once per term in each rank and match below.
    best as materialized (select q.id, q.search || ''::tsvector as doc from chosen c join "Question" q on q.id = c.id),
    scored as (
      select q.id, q.slug, q.title, q.difficulty::text as difficulty, q.kind::text as kind, q.tags,
             t.slug as topic_slug, t.name as topic_name, t."order" as topic_order,
             array(select c.slug from "QuestionCompany" qc join "CompanyProfile" c on c.id = qc."companyId"
                   where qc."questionId" = q.id order by c.slug) as companies,
             (${Prisma.join(
               plan.terms.map((t) => Prisma.sql`(b.doc @@ ${t.query}::tsquery)::int`),
               " + ",
             )})::int as held,
             ${searchRank(Prisma.sql`b.doc`, plan, k)} as rank_all,
             ${k > 1 ? searchRank(Prisma.sql`b.doc`, plan, 1) : searchRank(Prisma.sql`b.doc`, plan, k)} as rank_some
      from best b join "Question" q on q.id = b.id join "Topic" t on t.id = q."topicId"
    )
    select s.*, (select jsonb_object_agg(src, n) from (select src, count(*)::int as n from hits group by src) x) as hits
    from scored s where s.held > 0`;
  if (whole) return { rows, capped: false };
  const hits = rows[0]?.hits ?? {};
  // More may match than was read when an index gave all it was asked for, or more candidates were found than ranked.
  const full = Object.entries(hits).some(([src, n]) =>
    src === "head" ? n >= HEAD_ALL : src === "all" ? n >= ANYWHERE_ALL : src === "f" ? n >= FILTERED : n >= PER_WORD,
  );
  return { rows, capped: full || rows.length >= CANDIDATES };
}

/** Whether a candidate passes the query's filters, but the one of `except` (a facet is counted without its own). */
function passes(query: QuestionListQuery, row: Candidate, except?: keyof QuestionList["facets"] | "tag"): boolean {
  if (query.topic && except !== "topic" && row.topic_slug !== query.topic) return false;
  if (query.difficulty && except !== "difficulty" && row.difficulty !== query.difficulty.toUpperCase()) return false;
  if (query.kind && except !== "kind" && row.kind !== query.kind.toUpperCase()) return false;
  if (query.tag && except !== "tag" && !row.tags.includes(query.tag)) return false;
  if (query.company && except !== "company" && !row.companies.includes(query.company)) return false;
  return true;
}

const title = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

type Facet = { value: string; label: string; count: number; sort: string | number };

/** Facet counts over the matches read, each dimension with every filter but its own. */
function countFacets(query: QuestionListQuery, matches: Candidate[]): QuestionList["facets"] {
  const count = (dimension: keyof QuestionList["facets"], values: (r: Candidate) => Omit<Facet, "count">[]) => {
    const counted = new Map<string, Facet>();
    for (const row of matches) {
      if (!passes(query, row, dimension)) continue;
      for (const v of values(row)) {
        const facet = counted.get(v.value) ?? { ...v, count: 0 };
        facet.count++;
        counted.set(v.value, facet);
      }
    }
    return [...counted.values()]
      .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.value.localeCompare(b.value)))
      .map(({ value, label, count: n }) => ({ value, label, count: n }));
  };
  const difficulties = ["EASY", "MEDIUM", "HARD"];
  return {
    topic: count("topic", (r) => [{ value: r.topic_slug, label: r.topic_name, sort: r.topic_order }]),
    difficulty: count("difficulty", (r) => [
      { value: r.difficulty.toLowerCase(), label: title(r.difficulty), sort: difficulties.indexOf(r.difficulty) },
    ]),
    kind: count("kind", (r) => [
      { value: r.kind.toLowerCase(), label: title(r.kind), sort: r.kind === "WRITTEN" ? 0 : 1 },
    ]),
    company: count("company", (r) => r.companies.map((slug) => ({ value: slug, label: slug, sort: slug }))),
  };
}

/** The page's highlights: the title, and a snippet cut from the answer around its first match. */
async function highlights(
  plan: SearchPlan,
  slugs: string[],
): Promise<Map<string, { snippet: string | null; title_html: string | null }>> {
  if (!slugs.length) return new Map();
  const stems = [...new Set(plan.terms.flatMap((t) => lexemesOf(t.query)).map((l) => l.slice(0, 4)))];
  const rows = await db().$queryRaw<{ slug: string; snippet: string | null; title_html: string | null }[]>`
    select q.slug,
           ts_headline('english', regexp_replace(substr(q."modelAnswer",
             greatest(1, coalesce((select min(p) from unnest(${stems}::text[]) s, strpos(lower(q."modelAnswer"), s) p where p > 0), 1) - ${SNIPPET_CHARS / 3}),
             ${SNIPPET_CHARS}), ${FENCE}, ' ', 'g'), ${plan.any}::tsquery, ${SNIPPET}) as snippet,
           ts_headline('english', q.title, ${plan.any}::tsquery, ${WHOLE}) as title_html
    from "Question" q where q.slug = any(${slugs}::text[])`;
  return new Map(rows.map((r) => [r.slug, r]));
}

/** Every company's name by slug, for the facet labels (the candidates carry slugs): content, kept like the bank. */
const companies = sharedCache<Map<string, string>>("company-names", {
  ttlMs: () => env().CONTENT_CACHE_SECONDS * 1000,
  max: 1,
});

async function companyNames(slugs: string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  return companies.get("all", async () => {
    const rows = await db().$queryRaw<{ slug: string; name: string }[]>`select slug, name from "CompanyProfile"`;
    return new Map(rows.map((r) => [r.slug, r.name]));
  });
}

export async function searchQuestions(query: QuestionListQuery): Promise<QuestionList> {
  const plan = await planSearch(query.q, bankCorpus);
  const cursor = query.cursor ? decodeCursor(query.cursor, "rank") : null;
  const said = { searched: plan.searched, ...(plan.corrections.length ? { suggestion: plan.searched } : {}) };
  if (!plan.terms.length) {
    return {
      items: [],
      nextCursor: null,
      previousCursor: null,
      start: 0,
      total: 0,
      facets: { topic: [], difficulty: [], kind: [], company: [] },
      match: "none",
      ...said,
    };
  }
  const { rows, capped } = await candidates(query, plan);
  const k = plan.terms.length;
  // The width (the fewest terms a result holds), by the rule notes search follows too: every term when that fills
  // the page, else the first width that finds something; a later page keeps its first page's.
  const inFilter = rows.filter((r) => passes(query, r));
  let fewest = cursor ? (cursor.of ?? k) : 1;
  if (!cursor) {
    for (const width of widenings(plan)) {
      const found = inFilter.filter((r) => r.held >= width).length;
      if (found > query.limit || (found && width < k)) {
        fewest = width;
        break;
      }
    }
  }
  const rankOf = (r: Candidate) => (fewest < k ? r.rank_some : r.rank_all);
  const matches = rows.filter((r) => r.held >= fewest);
  const ordered = matches
    .filter((r) => passes(query, r))
    .sort((a, b) => rankOf(b) - rankOf(a) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  // Math.fround: the cursor holds the rank as the float4 it is.
  const start = cursor
    ? ordered.findIndex(
        (r) => Math.fround(rankOf(r)) < cursor.key || (Math.fround(rankOf(r)) === cursor.key && r.slug > cursor.slug),
      )
    : 0;
  const page = start < 0 ? [] : ordered.slice(start, start + query.limit);
  const more = start >= 0 && ordered.length > start + query.limit;
  const last = page.at(-1);
  const partial = fewest < k ? { of: fewest } : {};
  const cursorAt = (row: Candidate) =>
    encodeCursor({ mode: "rank", key: Math.fround(rankOf(row)), slug: row.slug, ...partial });
  const nextCursor = more && last ? cursorAt(last) : null;
  // Every match is in hand, so the previous page's cursor is the row a page and one before this page.
  const before = start > query.limit ? ordered[start - query.limit - 1] : undefined;
  const match: Match = page.some((r) => r.held === k) ? "all" : page.length ? "some" : "none";
  const facets = countFacets(query, matches);
  const [marks, names] = await Promise.all([
    highlights(
      plan,
      page.map((r) => r.slug),
    ),
    companyNames(facets.company.map((f) => f.value)),
  ]);
  facets.company = facets.company
    .map((f) => ({ ...f, label: names.get(f.value) ?? f.value }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return {
    items: page.map((r) => {
      const row: Row = {
        ...r,
        rank: rankOf(r),
        snippet: marks.get(r.slug)?.snippet ?? null,
        title_html: marks.get(r.slug)?.title_html ?? null,
      };
      return { ...toListItem(row), ...(r.held === k ? {} : { partial: true }) };
    }),
    nextCursor,
    previousCursor: before ? cursorAt(before) : null,
    start: Math.max(0, start),
    total: ordered.length,
    facets,
    ...(capped ? { capped: true } : {}),
    match,
    ...said,
  };
}
