import "server-only";
// The admin question editor (issue #24): read a question as editable fields, save it against the revision the
// editor loaded (409 with the current fields otherwise), create, archive and restore, and keep every change as a
// revision. One transaction per change, the row locked while it is compared and written.
//
// History is kept by the editor: before it writes, the question as stored is compared with the latest revision;
// when they differ (the first edit ever, or the seed or an import changed it since), that state is recorded first,
// without an author, so every revision can be restored and every diff is between two real states.
import { clearContentCaches } from "../cache";
import { db } from "../db/client";
import { rowCount } from "../db/prisma-client";
import { isUniqueViolation } from "../db/errors";
import { Prisma, type Difficulty } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import { scoredPoints } from "../scoring/derive";
import { rescoreQuestion } from "../scoring/rescore";
import { frequencyValue } from "../schemas/content";
import {
  snapshotSchema,
  type EditableFields,
  type EditableQuestion,
  type ProblemFields,
  type Snapshot,
} from "../schemas/question-editor";
import { refreshSearchWords } from "../search/refresh-words";
import { decodeCursor, encodeCursor } from "./cursor";
import { canonicalJson } from "../content/canonical-json";

type Tx = Prisma.TransactionClient;

/** Questions made in the editor carry this source: the seed never archives them (seed/bank.ts). */
export const EDITOR_SOURCE = "mockroom-admin";

const FREQUENCY_NAMES = ["low", "medium", "high"] as const;

const questionInclude = {
  topic: { select: { slug: true } },
  coding: true,
  companies: { include: { company: { select: { slug: true } } } },
} as const;
type QuestionRow = Prisma.QuestionGetPayload<{ include: typeof questionInclude }>;

/** The question as the editor shows it (and a revision keeps it). */
function snapshotOf(row: QuestionRow): Snapshot {
  return {
    title: row.title,
    prompt: row.prompt,
    modelAnswer: row.modelAnswer,
    keyPoints: scoredPoints(row.keyPoints, row.rubric).map(({ text, rubric }) => ({
      text,
      concepts: rubric.concepts,
      disqualifiers: rubric.disqualifiers ?? [],
    })),
    difficulty: row.difficulty.toLowerCase() as Snapshot["difficulty"],
    topic: row.topic.slug,
    tags: row.tags,
    estimatedMinutes: row.estimatedMinutes,
    companies: row.companies
      .map((link) => ({
        slug: link.company.slug,
        ...(link.frequency ? { frequency: FREQUENCY_NAMES[link.frequency - 1]! } : {}),
      }))
      .sort((a, b) => a.slug.localeCompare(b.slug)),
    archived: row.archivedAt !== null,
    ...(row.coding ? { problem: problemOf(row.coding) } : {}),
  };
}

/** A coding problem's runnable part as stored (tests and wrong solutions as the seed or the editor wrote them). */
function problemOf(coding: NonNullable<QuestionRow["coding"]>): ProblemFields {
  return {
    language: coding.language === "SQL" ? "sql" : "python",
    starterCode: coding.starterCode,
    solution: coding.solution,
    visibleTests: coding.visibleTests,
    hiddenTests: coding.hiddenTests,
    wrongSolutions: coding.wrongSolutions,
  } as ProblemFields;
}

/** The top-level fields that differ between two snapshots. */
export function changedFields(before: Snapshot, after: Snapshot): string[] {
  const keys = Object.keys(after) as (keyof Snapshot)[];
  return keys.filter((key) => canonicalJson(before[key]) !== canonicalJson(after[key]));
}

const notFound = () => new AppError("NOT_FOUND", "No such question.");

async function lockedQuestion(tx: Tx, slug: string): Promise<QuestionRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Question" where slug = ${slug} for update`;
  if (!locked[0]) throw notFound();
  return tx.question.findUniqueOrThrow({ where: { id: locked[0].id }, include: questionInclude });
}

type History = { number: number; snapshot: Snapshot } | null;

async function latestRevision(tx: Tx, questionId: string): Promise<History> {
  const row = await tx.questionRevision.findFirst({ where: { questionId }, orderBy: { number: "desc" } });
  if (!row) return null;
  const parsed = snapshotSchema.safeParse(row.snapshot);
  return { number: row.number, snapshot: parsed.success ? parsed.data : (row.snapshot as Snapshot) };
}

/** Records the stored state first when it is not the latest revision (never recorded, or changed outside). */
async function recordOutsideChange(tx: Tx, row: QuestionRow): Promise<number> {
  const latest = await latestRevision(tx, row.id);
  const current = snapshotOf(row);
  if (latest && canonicalJson(latest.snapshot) === canonicalJson(current)) return latest.number;
  const number = (latest?.number ?? 0) + 1;
  await tx.questionRevision.create({
    data: {
      questionId: row.id,
      number,
      reason: latest
        ? "Changed outside the editor (npm run seed or an import)"
        : "As it was before its first edit here",
      snapshot: current,
    },
  });
  return number;
}

/** Topic and company ids for the slugs the fields name: a 400 naming the field when one does not exist. */
async function resolveLinks(tx: Tx, fields: EditableFields) {
  const [topic, companies] = await Promise.all([
    tx.topic.findUnique({ where: { slug: fields.topic }, select: { id: true } }),
    tx.companyProfile.findMany({
      where: { slug: { in: fields.companies.map((c) => c.slug) } },
      select: { id: true, slug: true },
    }),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (!topic) fieldErrors.topic = [`There is no topic "${fields.topic}".`];
  const known = new Map(companies.map((c) => [c.slug, c.id]));
  fields.companies.forEach((c, i) => {
    if (!known.has(c.slug)) fieldErrors[`companies.${i}.slug`] = [`There is no company profile "${c.slug}".`];
  });
  if (Object.keys(fieldErrors).length)
    throw new AppError("VALIDATION", "Some fields are invalid.", { fields: fieldErrors });
  return {
    topicId: topic!.id,
    links: fields.companies.map((c) => ({
      companyId: known.get(c.slug)!,
      frequency: c.frequency ? frequencyValue[c.frequency] : null,
    })),
  };
}

function columnsOf(fields: EditableFields, topicId: string) {
  return {
    title: fields.title,
    prompt: fields.prompt,
    modelAnswer: fields.modelAnswer,
    keyPoints: fields.keyPoints.map((p) => p.text),
    rubric: {
      derived: false,
      points: fields.keyPoints.map((p) => ({ concepts: p.concepts, disqualifiers: p.disqualifiers })),
    },
    difficulty: fields.difficulty.toUpperCase() as Difficulty,
    topicId,
    tags: fields.tags,
    estimatedMinutes: fields.estimatedMinutes,
  };
}

/** After a change: the bank's search words and the content caches (a visitor's cached page follows within CONTENT_CACHE_SECONDS). */
async function contentChanged(): Promise<void> {
  await refreshSearchWords(db());
  clearContentCaches();
}

function stale(row: QuestionRow, history: EditableQuestion["history"]) {
  return new AppError("CONFLICT", "Someone saved this question after you opened it. Compare and choose.", {
    extra: { current: viewOf(row, history) },
  });
}

type Change = { reason: string; fields?: EditableFields; archived?: boolean; problem?: ProblemChange };
/** What the editor may change of a problem: its code and wrong solutions, and a Python problem's tests. */
type ProblemChange = Pick<ProblemFields, "starterCode" | "solution" | "wrongSolutions"> & {
  visibleTests?: unknown[];
  hiddenTests?: unknown[];
};

/** What answers are judged by: a change to it re-scores the question's stored answers. */
const judgedBy = (row: Pick<QuestionRow, "keyPoints" | "rubric">) => canonicalJson([row.keyPoints, row.rubric]);

/**
 * Applies a change to the locked question at `expected` revision, in one transaction, and records it. When its key
 * points or rubric changed, the answers stored for it are re-scored once it is saved (lib/scoring/rescore.ts), so
 * the users' history shows the corrected verdicts without waiting for the next start.
 */
async function change(adminId: string, slug: string, expected: number, what: Change): Promise<EditableQuestion> {
  const { saved, rescore } = await db().$transaction(async (tx) => {
    const row = await lockedQuestion(tx, slug);
    if (row.revision !== expected) throw stale(row, await historyOf(tx, row.id));
    const before = await recordOutsideChange(tx, row);
    const data: Prisma.QuestionUncheckedUpdateInput = { revision: { increment: 1 }, editedAt: new Date() };
    if (what.fields) {
      const { topicId, links } = await resolveLinks(tx, what.fields);
      Object.assign(data, columnsOf(what.fields, topicId));
      await tx.questionCompany.deleteMany({ where: { questionId: row.id } });
      await tx.questionCompany.createMany({ data: links.map((l) => ({ ...l, questionId: row.id })) });
    }
    if (what.archived !== undefined) data.archivedAt = what.archived ? (row.archivedAt ?? new Date()) : null;
    if (what.problem) {
      if (!row.coding) throw new AppError("NOT_FOUND", "This question has no code to edit: it is a written question.");
      const { visibleTests, hiddenTests, starterCode, solution, wrongSolutions } = what.problem;
      const code = { starterCode, solution, wrongSolutions };
      if (visibleTests && row.coding.language === "SQL")
        throw new AppError("VALIDATION", "A SQL problem's tests are built from seed/problems: edit them there.", {
          fields: { visibleTests: ["A SQL problem's tests are edited in seed/problems."] },
        });
      await tx.codingProblem.update({
        where: { questionId: row.id },
        data: {
          ...code,
          ...(visibleTests ? { visibleTests: visibleTests as object[], hiddenTests: hiddenTests as object[] } : {}),
        },
      });
    }
    await tx.question.update({ where: { id: row.id }, data });
    const after = await tx.question.findUniqueOrThrow({ where: { id: row.id }, include: questionInclude });
    await tx.questionRevision.create({
      data: {
        questionId: row.id,
        number: before + 1,
        authorId: adminId,
        reason: what.reason,
        snapshot: snapshotOf(after),
      },
    });
    return {
      saved: viewOf(after, await historyOf(tx, row.id)),
      rescore: judgedBy(after) !== judgedBy(row) ? row.id : null,
    };
  });
  await contentChanged();
  if (rescore) await rescoreQuestion(db(), rescore);
  return saved;
}

export function saveQuestion(
  adminId: string,
  slug: string,
  input: EditableFields & { revision: number; reason: string },
): Promise<EditableQuestion> {
  const { revision, reason, ...fields } = input;
  return change(adminId, slug, revision, { reason: reason || "Edited", fields });
}

export function archiveQuestion(
  adminId: string,
  slug: string,
  input: { archived: boolean; revision: number; reason: string },
): Promise<EditableQuestion> {
  const reason = input.reason || (input.archived ? "Archived" : "Restored from the archive");
  return change(adminId, slug, input.revision, { reason, archived: input.archived });
}

/** Makes revision `number` the current content again (a new revision, so the history only grows). */
export async function restoreRevision(
  adminId: string,
  slug: string,
  number: number,
  revision: number,
): Promise<EditableQuestion> {
  const stored = await db().questionRevision.findFirst({
    where: { number, question: { slug } },
    select: { snapshot: true },
  });
  if (!stored) throw new AppError("NOT_FOUND", "No such revision.");
  const parsed = snapshotSchema.safeParse(stored.snapshot);
  if (!parsed.success)
    throw new AppError("CONFLICT", "This revision no longer passes the content rules and cannot be restored.");
  const { archived, problem, ...fields } = parsed.data;
  return change(adminId, slug, revision, {
    reason: `Restored revision ${number}`,
    fields,
    archived,
    ...(problem ? { problem: problem.language === "sql" ? withoutTests(problem) : problem } : {}),
  });
}

const withoutTests = ({ starterCode, solution, wrongSolutions }: ProblemFields): ProblemChange => ({
  starterCode,
  solution,
  wrongSolutions,
});

/** Saves a coding problem's code (and a Python problem's tests), checked in the browser by the editor's "Run all". */
export function saveProblem(
  adminId: string,
  slug: string,
  input: ProblemChange & { revision: number; reason: string },
): Promise<EditableQuestion> {
  const { revision, reason, ...problem } = input;
  return change(adminId, slug, revision, { reason: reason || "Edited the code and tests", problem });
}

export async function createQuestion(
  adminId: string,
  input: EditableFields & { slug: string; reason: string },
): Promise<EditableQuestion> {
  const { slug, reason, ...fields } = input;
  try {
    const created = await db().$transaction(async (tx) => {
      const { topicId, links } = await resolveLinks(tx, fields);
      const row = await tx.question.create({
        data: {
          slug,
          ...columnsOf(fields, topicId),
          kind: "WRITTEN",
          source: EDITOR_SOURCE,
          revision: 1,
          editedAt: new Date(),
          companies: { create: links },
        },
        include: questionInclude,
      });
      await tx.questionRevision.create({
        data: {
          questionId: row.id,
          number: 1,
          authorId: adminId,
          reason: reason || "Created",
          snapshot: snapshotOf(row),
        },
      });
      return viewOf(row, await historyOf(tx, row.id));
    });
    await contentChanged();
    return created;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A question with this slug exists already.", {
        fields: { slug: ["A question with this slug exists already."] },
      });
    throw error;
  }
}

async function historyOf(tx: Tx, questionId: string): Promise<EditableQuestion["history"]> {
  const rows = await tx.questionRevision.findMany({
    where: { questionId },
    orderBy: { number: "desc" },
    take: 50,
    include: { author: { select: { name: true, email: true } } },
  });
  const parsed = rows.map((row) => snapshotSchema.safeParse(row.snapshot));
  return rows.map((row, i) => {
    const after = parsed[i]!;
    const before = parsed[i + 1];
    return {
      number: row.number,
      author: row.author ? row.author.name || row.author.email : null,
      reason: row.reason,
      createdAt: row.createdAt.toISOString(),
      // The first revision (or one whose neighbour is beyond the 50 shown or unreadable) lists no changes.
      changed: after.success && before?.success ? changedFields(before.data, after.data) : [],
    };
  });
}

function viewOf(row: QuestionRow, history: EditableQuestion["history"]): EditableQuestion {
  const { archived, problem, ...fields } = snapshotOf(row);
  const rubric = row.rubric as { derived?: boolean } | null;
  return {
    slug: row.slug,
    kind: row.kind.toLowerCase() as EditableQuestion["kind"],
    source: row.source,
    revision: row.revision,
    archived,
    editedAt: row.editedAt?.toISOString() ?? null,
    derivedRubric: rubric?.derived !== false,
    fields,
    problem: problem ?? null,
    history,
  };
}

export async function editableQuestion(slug: string): Promise<EditableQuestion> {
  const row = await db().question.findUnique({ where: { slug }, include: questionInclude });
  if (!row) throw notFound();
  return viewOf(row, await historyOf(db(), row.id));
}

/** The snapshots of a question's latest 50 revisions, newest first: what the history's diffs compare. */
export async function revisionSnapshots(slug: string): Promise<{ number: number; snapshot: Snapshot | null }[]> {
  const rows = await db().questionRevision.findMany({
    where: { question: { slug } },
    orderBy: { number: "desc" },
    take: 51,
    select: { number: true, snapshot: true },
  });
  return rows.map((row) => {
    const parsed = snapshotSchema.safeParse(row.snapshot);
    return { number: row.number, snapshot: parsed.success ? parsed.data : null };
  });
}

type ListRow = {
  slug: string;
  title: string;
  topic: string;
  kind: string;
  archived: boolean;
  edited_at: Date | null;
  open_reports: number;
};

/**
 * The admin's list: every question, live or archived, by slug, with open reports counted. `q` matches words of the
 * title or slug (each word, anywhere: an admin looks for a question they know, among a few thousand at most).
 */
export async function listEditableQuestions(query: {
  q?: string;
  topic?: string;
  status: "live" | "archived" | "all";
  cursor?: string;
  limit: number;
}) {
  const after = query.cursor ? decodeCursor(query.cursor, "slug").slug : null;
  const words = (query.q ?? "").split(/\s+/).filter(Boolean).slice(0, 8);
  const conditions = [
    Prisma.sql`true`,
    ...words.map((w) => {
      const like = `%${w.replace(/[\\%_]/g, "\\$&")}%`;
      return Prisma.sql`(q.title ilike ${like} or q.slug ilike ${like})`;
    }),
    ...(query.topic ? [Prisma.sql`t.slug = ${query.topic}`] : []),
    ...(query.status === "live" ? [Prisma.sql`q."archivedAt" is null`] : []),
    ...(query.status === "archived" ? [Prisma.sql`q."archivedAt" is not null`] : []),
    ...(after ? [Prisma.sql`q.slug > ${after}`] : []),
  ];
  const rows = await db().$queryRaw<ListRow[]>`
    select q.slug, q.title, t.name as topic, lower(q.kind::text) as kind, q."archivedAt" is not null as archived,
           q."editedAt" as edited_at,
           (select count(*)::int from "Report" r where r."questionId" = q.id and r.status = 'OPEN') as open_reports
    from "Question" q join "Topic" t on t.id = q."topicId"
    where ${Prisma.join(conditions, " and ")}
    order by q.slug
    limit ${rowCount(query.limit + 1)}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      slug: r.slug,
      title: r.title,
      topic: r.topic,
      kind: r.kind as "written" | "coding",
      archived: r.archived,
      editedAt: r.edited_at?.toISOString() ?? null,
      openReports: r.open_reports,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ mode: "slug", slug: last.slug }) : null,
  };
}
