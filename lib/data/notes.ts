import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { Prisma } from "../generated/prisma/client";
import { isUuid } from "../http/ids";
import { PLAN_EACH_TIME, rowCount } from "../db/prisma-client";
import { MAX_DOCUMENT_BYTES } from "../schemas/fields";
import { type NoteListQuery, type NoteView } from "../schemas/notes";
import { decodeCursor, encodeCursor } from "./cursor";
import { saveWithRevision, writeDocument } from "./save-with-revision";
import { FENCE, headlineOptions, snippetHtml } from "../search/highlight";
import { parseSearch } from "../search/parse";
import { notesCorpus, planSearch, type SearchPlan } from "../search/plan";
import { searchRank, widenings } from "../search/rank";

export const questionNotFound = () => new AppError("NOT_FOUND", "No such question.");

/** A question's id by slug (archived ones included: what users wrote about them stays reachable). */
export async function questionIdBySlug(slug: string): Promise<string> {
  const row = await db().question.findUnique({ where: { slug }, select: { id: true } });
  if (!row) throw questionNotFound();
  return row.id;
}

export function assertDocumentSize(content: string, what = "Notes"): void {
  if (Buffer.byteLength(content) > MAX_DOCUMENT_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `${what} are limited to 100 KB.`);
}

const noteInclude = {
  question: { select: { slug: true, title: true, topic: { select: { slug: true, name: true } } } },
} as const;
type NoteRow = Prisma.NoteGetPayload<{ include: typeof noteInclude }>;

function toView(row: NoteRow): NoteView {
  return {
    question: row.question,
    content: row.content,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getNote(userId: string, slug: string): Promise<NoteView | null> {
  return noteOn(userId, await questionIdBySlug(slug));
}

export async function noteOn(userId: string, questionId: string): Promise<NoteView | null> {
  const row = await db().note.findUnique({
    where: { userId_questionId: { userId, questionId } },
    include: noteInclude,
  });
  return row ? toView(row) : null;
}

/**
 * Creates (revision 0 → 1) or updates a note if the client saw the current revision; otherwise 409
 * CONFLICT with the stored version (lib/data/save-with-revision.ts), so nothing is overwritten silently.
 */
export async function saveNote(
  userId: string,
  slug: string,
  input: { content: string; revision: number },
  now = new Date(),
): Promise<NoteView> {
  assertDocumentSize(input.content);
  const questionId = await questionIdBySlug(slug);
  const written = await saveWithRevision(
    () => writeDocument("note", userId, questionId, input, now),
    async () => {
      const current = await db().note.findUnique({ where: { userId_questionId: { userId, questionId } } });
      return current && { content: current.content, revision: current.revision };
    },
    "This note was changed elsewhere (another tab or device). Choose which version to keep.",
  );
  return toView(await db().note.findUniqueOrThrow({ where: { id: written.id }, include: noteInclude }));
}

export async function deleteNote(userId: string, slug: string): Promise<void> {
  const questionId = await questionIdBySlug(slug);
  const deleted = await db().note.deleteMany({ where: { userId, questionId } });
  if (!deleted.count) throw new AppError("NOT_FOUND", "You have no note on this question.");
}

type ListRow = {
  id: string;
  slug: string;
  title: string;
  topic_slug: string;
  topic_name: string;
  content: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  rank: number | null;
  snippet: string | null;
  holds_all: boolean;
  /** The fewest terms the page's notes hold (its width; 0 when browsing). */
  fewest: number;
};

const SNIPPET = headlineOptions({ maxWords: 30, minWords: 12, fragments: 2 });

/**
 * The user's notes: ranked full-text search (the shared parser, every term first and the notes holding the
 * most terms when none holds them all; docs/decisions/0014-search.md) or newest edit first; keyset pages.
 * The page is chosen from "Note" alone and only its rows are joined to their question and topic: a word in
 * every note of a 10,000-note account ranks 10,000 rows, and joining them all first cost three times as much.
 */
export async function listNotes(userId: string, query: NoteListQuery) {
  const plan = parseSearch(query.q).length ? await planSearch(query.q, notesCorpus(userId)) : null;
  const cursor = query.cursor ? decodeCursor(query.cursor, plan ? "rank" : "edited") : null;
  if (cursor?.mode === "rank" && !isUuid(cursor.slug)) {
    throw new AppError("VALIDATION", "Some query parameters are invalid.", { fields: { cursor: ["Invalid cursor."] } });
  }
  if (plan && !plan.terms.length)
    return { items: [], nextCursor: null, match: "none" as const, searched: plan.searched };
  const search = plan ? { plan, fewest: cursor?.mode === "rank" ? (cursor.of ?? plan.terms.length) : null } : null;
  const rows = await db().$queryRaw<ListRow[]>(notePageStatement(userId, query, cursor, search));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const fewest = last?.fewest ?? plan?.terms.length ?? 0;
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(
          plan
            ? {
                mode: "rank",
                key: last.rank ?? 0,
                slug: last.id,
                ...(fewest < plan.terms.length ? { of: fewest } : {}),
              }
            : { mode: "edited", key: last.updatedAt.getTime(), slug: last.id },
        )
      : null;
  return {
    items: page.map((r) => ({
      question: { slug: r.slug, title: r.title, topic: { slug: r.topic_slug, name: r.topic_name } },
      content: r.content,
      revision: r.revision,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      ...(r.snippet ? { snippet: snippetHtml(r.snippet) } : {}),
      ...(plan && !r.holds_all ? { partial: true as const } : {}),
    })),
    nextCursor,
    ...(plan
      ? {
          match: page.some((r) => r.holds_all) ? ("all" as const) : page.length ? ("some" as const) : ("none" as const),
          searched: plan.searched,
        }
      : {}),
  };
}

function noteFilters(userId: string, query: NoteListQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`n."userId" = ${userId}::uuid`];
  if (query.topic) {
    where.push(
      Prisma.sql`n."questionId" in (select q.id from "Question" q join "Topic" t on t.id = q."topicId" where t.slug = ${query.topic})`,
    );
  }
  return where;
}

type Cursors = ReturnType<typeof decodeCursor<"rank" | "edited">> | null;

/**
 * One statement for a page. Browsing: the newest edits. Searching: the width a first page takes (widenings(), the
 * rule of rank.ts: every term when the notes holding them all fill a page, else the widest that finds something),
 * from how many terms each matching note holds; then the notes of that width ranked by its rank, the page, and its
 * snippets. A later page keeps its first page's width (`fewest`, from its cursor).
 */
export function notePageStatement(
  userId: string,
  query: NoteListQuery,
  cursor: Cursors,
  search: { plan: SearchPlan; fewest: number | null } | null,
): Prisma.Sql {
  const limit = query.limit + 1;
  if (!search) {
    const where = noteFilters(userId, query);
    if (cursor?.mode === "edited") {
      where.push(
        Prisma.sql`(n."updatedAt" < ${new Date(cursor.key)} or (n."updatedAt" = ${new Date(cursor.key)} and n.id > ${cursor.slug}::uuid))`,
      );
    }
    return Prisma.sql`
      with p as (
        select n.id, n."questionId", n.content, n.revision, n."createdAt", n."updatedAt"
        from "Note" n where ${Prisma.join(where, " and ")}
        order by n."updatedAt" desc, n.id limit ${rowCount(limit)}
      )
      select p.id, q.slug, q.title, t.slug as topic_slug, t.name as topic_name, p.content, p.revision, p."createdAt",
             p."updatedAt", null::float4 as rank, true as holds_all, null as snippet, 0 as fewest
      from p join "Question" q on q.id = p."questionId" join "Topic" t on t.id = q."topicId"
      order by p."updatedAt" desc, p.id`;
  }
  const { plan } = search;
  const k = plan.terms.length;
  const widths = widenings(plan);
  const half = widths.length > 2 ? widths[1]! : 1;
  const held = Prisma.sql`(${Prisma.join(
    plan.terms.map((t) => Prisma.sql`(n.search @@ ${t.query}::tsquery)::int`),
    " + ",
  )})`;
  // The user's notes holding any term, read from theirs (their B-tree): there is no index of every user's notes to
  // choose instead (prisma/migrations/20261208030000_notes_searched_per_user). Planned for its values: how to rank
  // and sort depends on how many of a user's notes match, ten or ten thousand (a generic plan: p95 53 → 78 ms over
  // 10,000 notes, tests/integration/notes-search-scale.test.ts).
  const matching = Prisma.sql`${Prisma.join(noteFilters(userId, query), " and ")} and ${Prisma.raw(PLAN_EACH_TIME)} n.search @@ ${plan.any}::tsquery`;
  // A first page of several terms counts first how many terms each matching note holds (no ranking), to choose
  // its width; then only the notes of that width are ranked, by that width's rank.
  const fewest =
    search.fewest !== null || k === 1
      ? Prisma.sql`${search.fewest ?? 1}::int`
      : Prisma.sql`(with m as materialized (select ${held} as held from "Note" n where ${matching})
          select case when (select count(*) from m where m.held >= ${k}::int) > ${query.limit}::int then ${k}::int
                      when ${half}::int < ${k}::int and exists (select 1 from m where m.held >= ${half}::int) then ${half}::int
                      else 1 end)`;
  const rankAll = searchRank(Prisma.sql`n.search`, plan, k);
  const rankSome = k > 1 ? searchRank(Prisma.sql`n.search`, plan, 1) : rankAll;
  const after =
    cursor?.mode === "rank"
      ? Prisma.sql`and (r.rank < ${cursor.key}::float4 or (r.rank = ${cursor.key}::float4 and r.id > ${cursor.slug}::uuid))`
      : Prisma.empty;
  return Prisma.sql`
    with w as materialized (select ${fewest} as fewest),
    r as (
      select n.id, n."questionId", n.content, n.revision, n."createdAt", n."updatedAt", ${held} as held, w.fewest,
             case when w.fewest < ${k}::int then ${rankSome} else ${rankAll} end as rank
      from "Note" n, w
      where ${matching} and ${held} >= w.fewest
    ),
    p as (select * from r where true ${after} order by r.rank desc, r.id limit ${limit})
    select p.id, q.slug, q.title, t.slug as topic_slug, t.name as topic_name, p.content, p.revision, p."createdAt",
           p."updatedAt", p.rank, p.held = ${k}::int as holds_all, p.fewest,
           ts_headline('english', regexp_replace(p.content, ${FENCE}, ' ', 'g'), ${plan.any}::tsquery, ${SNIPPET}) as snippet
    from p join "Question" q on q.id = p."questionId" join "Topic" t on t.id = q."topicId"
    order by p.rank desc, p.id`;
}

/** Topics the user has notes in, with counts, for the filter. */
export type NoteTopic = { slug: string; name: string; count: number };

export async function noteTopics(userId: string) {
  return db().$queryRaw<NoteTopic[]>`
    select t.slug, t.name, count(*)::int as count
    from "Note" n join "Question" q on q.id = n."questionId" join "Topic" t on t.id = q."topicId"
    where n."userId" = ${userId}::uuid group by t.slug, t.name, t."order" order by t."order"`;
}

/** The user's notes on these questions, by question id (one query, for the interview review). */
export async function notesFor(userId: string, questionIds: string[]) {
  const rows = await db().note.findMany({
    where: { userId, questionId: { in: questionIds } },
    select: { questionId: true, content: true, revision: true },
  });
  return new Map(rows.map((r) => [r.questionId, { content: r.content, revision: r.revision }]));
}
