import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { Prisma } from "../generated/prisma/client";
import { isUuid } from "../http/ids";
import { PLAN_EACH_TIME } from "../db/prisma-client";
import { MAX_DOCUMENT_BYTES } from "../schemas/fields";
import { type NoteListQuery, type NoteView } from "../schemas/notes";
import { decodeCursor, encodeCursor } from "./cursor";
import { saveWithRevision, writeDocument } from "./save-with-revision";
import { headlineOptions, snippetHtml } from "../search/highlight";
import { parseSearch } from "../search/parse";
import { notesCorpus, planSearch, type SearchPlan } from "../search/plan";
import { quorumQuery, searchRank, widenedPage } from "../search/rank";

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
  const read = (fewest: number) => notePage(userId, query, cursor, plan ? { plan, fewest } : null);
  const { rows, fewest } = plan
    ? await widenedPage(plan, query.limit, cursor?.mode === "rank" ? (cursor.of ?? plan.terms.length) : undefined, read)
    : { rows: await read(0), fewest: 0 };
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
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

function noteFilters(userId: string, query: NoteListQuery, tsquery: string | null): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`n."userId" = ${userId}::uuid`];
  if (tsquery) where.push(Prisma.sql`${Prisma.raw(PLAN_EACH_TIME)} n.search @@ ${tsquery}::tsquery`);
  if (query.topic) {
    where.push(
      Prisma.sql`n."questionId" in (select q.id from "Question" q join "Topic" t on t.id = q."topicId" where t.slug = ${query.topic})`,
    );
  }
  return where;
}

type Cursors = ReturnType<typeof decodeCursor<"rank" | "edited">> | null;

async function notePage(
  userId: string,
  query: NoteListQuery,
  cursor: Cursors,
  search: { plan: SearchPlan; fewest: number } | null,
) {
  const tsquery = search ? quorumQuery(search.plan, search.fewest) : null;
  const rank = search ? searchRank(Prisma.sql`n.search`, search.plan, search.fewest) : Prisma.sql`null::float4`;
  const holdsAll = search ? Prisma.sql`n.search @@ ${search.plan.all}::tsquery` : Prisma.sql`true`;
  const where = noteFilters(userId, query, tsquery);
  if (cursor?.mode === "rank")
    where.push(
      Prisma.sql`(${rank} < ${cursor.key}::float4 or (${rank} = ${cursor.key}::float4 and n.id > ${cursor.slug}::uuid))`,
    );
  if (cursor?.mode === "edited") {
    where.push(
      Prisma.sql`(n."updatedAt" < ${new Date(cursor.key)} or (n."updatedAt" = ${new Date(cursor.key)} and n.id > ${cursor.slug}::uuid))`,
    );
  }
  const snippet = search
    ? Prisma.sql`ts_headline('english', p.content, ${search.plan.any}::tsquery, ${SNIPPET})`
    : Prisma.sql`null`;
  // The page's order, inside the CTE (over "Note" alone) and again over its joined rows.
  const order = (of: "" | "p.") => Prisma.raw(tsquery ? `${of}rank desc, ${of}id` : `${of}"updatedAt" desc, ${of}id`);
  return db().$queryRaw<ListRow[]>`
    with p as (
      select n.id, n."questionId", n.content, n.revision, n."createdAt", n."updatedAt", ${rank} as rank, ${holdsAll} as holds_all
      from "Note" n
      where ${Prisma.join(where, " and ")}
      order by ${order("")}
      limit ${query.limit + 1}
    )
    select p.id, q.slug, q.title, t.slug as topic_slug, t.name as topic_name, p.content, p.revision, p."createdAt", p."updatedAt",
           p.rank, p.holds_all, ${snippet} as snippet
    from p join "Question" q on q.id = p."questionId" join "Topic" t on t.id = q."topicId"
    order by ${order("p.")}`;
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
