import "server-only";
import crypto from "node:crypto";
import { sharedCache } from "../cache";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { env } from "../env";
import { AppError } from "../http/errors";
import { Prisma, type CompanyProfile, type InterviewStatus } from "../generated/prisma/client";
import { deadlineFor, isOverdue, type Mode } from "../interviews/clock";
import { seededRandom } from "../interviews/random";
import { selectQuestions, type Candidate, type History } from "../interviews/selection";
import type { InterviewView, StartInterviewInput } from "../schemas/interviews";
import type { CodeTest } from "../schemas/coding";
import { LOW_SCORE } from "../review/fsrs";
import { enqueue } from "./review";
import { lower } from "../db/enums";
import { interviewInclude, scoreAnswers, toView, type InterviewRow } from "./interview-view";
import { runningTimedInterview, TIMED } from "./withheld";

type Tx = Prisma.TransactionClient;
export const notFound = () => new AppError("NOT_FOUND", "No such interview.");

/**
 * Ends an interview: scores every answer and the whole, in one transaction with the status change, and
 * puts questions answered poorly or skipped into the revision queue. Only the first finalizer wins; a concurrent
 * one finds the status already changed and does nothing.
 */
export async function finalize(tx: Tx, row: InterviewRow, status: InterviewStatus, now: Date): Promise<void> {
  const scored = status === "ABANDONED" ? null : scoreAnswers(row, await rubricsOf(tx, row));
  // The user's id too: with statistics that hold no running interview, the planner may read the partial index
  // of running interviews whole for `status` alone; with the user it reads only theirs (docs/performance.md,
  // round nine).
  const won = await tx.interview.updateMany({
    where: { id: row.id, userId: row.userId, status: "IN_PROGRESS" },
    data: {
      status,
      endedAt: status === "EXPIRED" && row.deadlineAt ? row.deadlineAt : now,
      score: scored?.total ?? null,
    },
  });
  if (!won.count || !scored) return;
  for (const item of scored.items) {
    // A skipped question is stored as unanswered (no score, no coverage, no answeredAt), not as a zero.
    const data = item.answered
      ? { coverage: item.coverage ?? [], score: item.score }
      : { coverage: Prisma.DbNull, score: null, answeredAt: null };
    await tx.interviewQuestion.update({ where: { id: item.id }, data });
    if (!item.answered) await enqueue(tx, row.userId, item.questionId, "SKIPPED", now);
    else if (item.score !== null && item.score < LOW_SCORE) await relabelLowScore(tx, row.userId, item.questionId, now);
  }
}

async function rubricsOf(tx: Tx, row: InterviewRow): Promise<Map<string, unknown>> {
  const questions = await tx.question.findMany({
    where: { id: { in: row.questions.map((q) => q.questionId) } },
    select: { id: true, rubric: true },
  });
  return new Map(questions.map((q) => [q.id, q.rubric]));
}

/** Queues a question scored low; one queued only as skipped before now says it was answered and scored low. */
async function relabelLowScore(tx: Tx, userId: string, questionId: string, now: Date) {
  const card = await enqueue(tx, userId, questionId, "LOW_SCORE", now);
  if (card.reason === "SKIPPED") await tx.reviewCard.update({ where: { id: card.id }, data: { reason: "LOW_SCORE" } });
}

/** The user's interview, finalized first if its time ran out while nobody was looking. */
export async function loadInterview(userId: string, id: string, now: Date): Promise<InterviewRow> {
  const row = await db().interview.findFirst({ where: { id, userId }, include: interviewInclude });
  if (!row) throw notFound();
  if (!isOverdue(row, now)) return row;
  await db().$transaction((tx) => finalize(tx, row, "EXPIRED", now));
  return db().interview.findFirstOrThrow({ where: { id, userId }, include: interviewInclude });
}

export async function getInterview(userId: string, id: string, now = new Date()): Promise<InterviewView> {
  const row = await loadInterview(userId, id, now);
  // A running interview shows no answers to anything; an ended one's review withholds what a running timed one asks.
  // Its review also says which questions are scored with a rubric derived from their sentences (imported ones).
  if (row.status === "IN_PROGRESS") return toView(row, now);
  const ids = row.questions.map((q) => q.questionId);
  const [running, derived] = await Promise.all([
    runningTimedInterview(userId, now),
    db().$queryRaw<
      { id: string }[]
    >`select id::text from "Question" where id = any(${ids}::uuid[]) and (rubric ->> 'derived')::boolean`,
  ]);
  return toView(row, now, running?.questionIds, new Set(derived.map((d) => d.id)));
}

/** Candidates read per topic, kind and difficulty: a seeded window of the sample-key index, wrapping round. */
const WINDOW = 30;

/**
 * The questions an interview chooses from. A large bank is not read whole: each (topic, kind, difficulty)
 * contributes up to WINDOW questions from a window of its random sample keys that starts at a point the seed
 * gives and wraps round past 1, so the candidates are a seeded random sample, read by index in one query (the
 * wrapped half is read only when the first falls short). Ids come back as one comma-separated string per
 * group: 48 short rows for a company's eight topics instead of a row per question. A bank with fewer
 * questions per group than that is read whole.
 */
export async function interviewCandidates(topics: string[], seed: number): Promise<Candidate[]> {
  const start = seededRandom(seed ^ 0x5bd1e995)();
  const side = (condition: Prisma.Sql) => Prisma.sql`
    (select q.id, q."sampleKey" from "Question" q
     where q."topicId" = t.id and q.kind = k and q.difficulty = d and q."archivedAt" is null and ${condition}
     order by q."sampleKey" limit ${WINDOW})`;
  const rows = await db().$queryRaw<
    { topic: string; difficulty: Candidate["difficulty"]; kind: Candidate["kind"]; ids: string }[]
  >`
    select t.slug as topic, lower(d::text) as difficulty, lower(k::text) as kind,
           (select coalesce(string_agg(w.id::text, ',' order by w."sampleKey"), '')
            from (${side(Prisma.sql`q."sampleKey" >= ${start}`)} union all ${side(Prisma.sql`q."sampleKey" < ${start}`)} limit ${WINDOW}) w) as ids
    from "Topic" t
    cross join unnest(enum_range(null::"QuestionKind")) k
    cross join unnest(enum_range(null::"Difficulty")) d
    where t.slug = any(${topics}::text[])
    order by t.slug, k, d`;
  return rows.flatMap((r) =>
    (r.ids ? r.ids.split(",") : []).map((id) => ({ id, topic: r.topic, difficulty: r.difficulty, kind: r.kind })),
  );
}

/**
 * What starting an interview needs to know about the user, in one statement: the account (none: it was
 * deleted), the running interview that stands in the way (one with this company; for a timed start, also
 * any timed one: one clock at a time), and its history (each question's best score). The
 * history comes back as one string, "id:best,id:best,…" (best empty when never scored): hundreds of
 * questions for a practised user, and parsing two PostgreSQL arrays of them was the largest part of this
 * server's own time in a start after the selection (docs/performance.md, round eight). Exported for the plan
 * test in tests/integration/query-plans.test.ts.
 */
export function startContextStatement(userId: string, company: string, timed = false): Prisma.Sql {
  return Prisma.sql`
    select u."timeMultiplier", r.id::text as "runningId", r.status::text as "runningStatus", r."deadlineAt" as "runningDeadlineAt",
           r.title as "runningTitle", h.seen
    from "User" u
    left join lateral (
      select i.id, i.status, i."deadlineAt", i.title from "Interview" i
      where i."userId" = u.id and i.status = 'IN_PROGRESS'
        and (i."companyId" = (select c.id from "CompanyProfile" c where c.slug = ${company})
             or (${timed} and ${TIMED}))
      order by i."startedAt" desc limit 1
    ) r on true
    left join lateral (
      select string_agg(g."questionId"::text || ':' || coalesce(g.best::text, ''), ',') as seen
      from (select iq."questionId", max(iq.score) as best from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
            where i."userId" = u.id group by iq."questionId") g
    ) h on true
    where u.id = ${userId}::uuid`;
}

async function startContext(userId: string, company: string, timed: boolean) {
  const [row] = await db().$queryRaw<
    {
      timeMultiplier: number;
      runningId: string | null;
      runningStatus: string | null;
      runningDeadlineAt: Date | null;
      runningTitle: string | null;
      seen: string | null;
    }[]
  >(startContextStatement(userId, company, timed));
  if (!row) return null;
  const history: History = new Map();
  for (const entry of row.seen ? row.seen.split(",") : []) {
    const colon = entry.indexOf(":");
    history.set(entry.slice(0, colon), { bestScore: colon + 1 < entry.length ? Number(entry.slice(colon + 1)) : null });
  }
  const running = row.runningId
    ? {
        id: row.runningId,
        status: row.runningStatus as InterviewRow["status"],
        deadlineAt: row.runningDeadlineAt,
        title: row.runningTitle ?? "",
      }
    : null;
  return { timeMultiplier: row.timeMultiplier, running, history };
}

// Company profiles are content (seeded, the same for everyone): cached like the question bank.
const companyCache = sharedCache<CompanyProfile | null>("companies", {
  ttlMs: () => env().CONTENT_CACHE_SECONDS * 1000,
  max: 500,
});
const companyBySlug = (slug: string) =>
  companyCache.get(slug, () => db().companyProfile.findUnique({ where: { slug } }));

export async function startInterview(
  userId: string,
  input: StartInterviewInput,
  now = new Date(),
): Promise<InterviewView> {
  // Company profiles come from the cache; then the user's side and the candidates, in parallel.
  const company = await companyBySlug(input.company);
  if (!company)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { company: ["No company profile with that slug."] },
    });
  const weights = company.topicWeights as Record<string, number>;
  const focus = input.topics?.length ? input.topics : undefined;
  const seed = crypto.randomInt(0, 2 ** 31 - 1);
  const timed = input.mode !== "practice";
  const [user, candidates] = await Promise.all([
    startContext(userId, input.company, timed),
    interviewCandidates(focus ?? Object.keys(weights), seed),
  ]);
  // The route takes the user id from the session token: this read is also the check that the account exists.
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to use this endpoint.");
  const inProgress = (title: string, id?: string) =>
    new AppError(
      "CONFLICT",
      `You already have ${title ? `a ${title}` : "an"} interview in progress${timed ? " (one timed interview at a time)" : ""}. Resume it or abandon it first.`,
      {
        extra: id ? { inProgress: { id } } : undefined,
      },
    );
  let { history } = user;
  if (user.running) {
    if (!isOverdue(user.running, now)) throw inProgress(user.running.title, user.running.id);
    // One left running past its deadline is ended (and scored) first, as loadInterview does; its scores
    // then count in the history.
    await loadInterview(userId, user.running.id, now);
    const again = await startContext(userId, input.company, timed);
    if (again?.running && !isOverdue(again.running, now)) throw inProgress(again.running.title, again.running.id);
    history = again?.history ?? history;
  }

  const multiplier =
    input.mode === "extended" ? (input.timeMultiplier ?? (user.timeMultiplier > 1 ? user.timeMultiplier : 1.5)) : 1;
  const ids = selectQuestions({
    candidates,
    history,
    seed,
    topicFocus: focus,
    questionCount: company.questionCount,
    codingProblems: company.codingProblems,
    topicWeights: weights,
    difficultyMix: company.difficultyMix as Record<Candidate["difficulty"], number>,
  });
  if (!ids.length)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { topics: ["The bank has no questions for this choice."] },
    });

  try {
    const startedAt = now;
    const deadlineAt = deadlineFor(input.mode, company.durationMinutes, multiplier, now);
    const mode = input.mode.toUpperCase() as Uppercase<Mode>;
    const { id, questions } = await createInterview(
      {
        userId,
        companyId: company.id,
        title: company.name,
        mode,
        seed,
        topicFocus: focus ?? [],
        timeMultiplier: multiplier,
        startedAt,
        deadlineAt,
      },
      ids,
    );
    // The view of what was just written, from the statement that wrote it: no reading it back.
    return {
      id,
      status: "in_progress",
      mode: lower(mode),
      title: company.name,
      company: { slug: company.slug, name: company.name },
      startedAt: startedAt.toISOString(),
      deadlineAt: deadlineAt?.toISOString() ?? null,
      endedAt: null,
      serverNow: now.toISOString(),
      score: null,
      currentQuestionId: null,
      questions: questions.map((q, position) => ({
        id: q.id,
        position,
        slug: q.slug,
        title: q.title,
        prompt: q.prompt,
        kind: q.kind,
        topic: q.topic,
        flagged: false,
        coding:
          q.starterCode === null
            ? null
            : {
                language: q.language === "sql" ? ("sql" as const) : ("python" as const),
                starterCode: q.starterCode,
                visibleTests: q.visibleTests as CodeTest[],
              },
      })),
      answers: questions.map((q) => ({
        questionId: q.id,
        content: "",
        revision: 0,
        updatedAt: startedAt.toISOString(),
        lateContent: null,
      })),
    };
  } catch (error) {
    // Two starts at once: the partial unique index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw inProgress(company.name);
    throw error;
  }
}

type CreatedQuestion = {
  id: string;
  slug: string;
  title: string;
  prompt: string;
  kind: "written" | "coding";
  topic: string;
  starterCode: string | null;
  language: string | null;
  visibleTests: unknown;
};

/**
 * The interview and its questions in one statement (atomic without a transaction's extra round trips).
 * The partial unique index on running interviews rejects a second concurrent start: P2002 then, as the
 * ORM reports it, whichever way the driver words the violation.
 */
async function createInterview(
  data: {
    userId: string;
    companyId?: string | null;
    setId?: string | null;
    title: string;
    mode: Prisma.InterviewCreateInput["mode"];
    seed: number;
    topicFocus: string[];
    timeMultiplier: number;
    startedAt: Date;
    deadlineAt: Date | null;
  },
  questionIds: string[],
): Promise<{ id: string; questions: CreatedQuestion[] }> {
  const id = crypto.randomUUID();
  try {
    // Both inserts run to completion whatever the final select reads (PostgreSQL's rule for writes in WITH);
    // the select returns what the interview page needs of each question, in interview order.
    const questions = await db().$queryRaw<CreatedQuestion[]>`
      with created as (
        insert into "Interview" (id, "userId", "companyId", "setId", title, mode, seed, "topicFocus", "timeMultiplier", "startedAt", "deadlineAt", "updatedAt")
        values (${id}::uuid, ${data.userId}::uuid, ${data.companyId ?? null}::uuid, ${data.setId ?? null}::uuid, ${data.title}, ${data.mode}::"InterviewMode",
                ${data.seed}, ${data.topicFocus}::text[], ${data.timeMultiplier}, ${data.startedAt}, ${data.deadlineAt}, ${data.startedAt})
        returning id
      ), asked as (
        insert into "InterviewQuestion" (id, "interviewId", "questionId", position, "updatedAt")
        select gen_random_uuid(), created.id, picked.id, picked.n - 1, ${data.startedAt}
        from created, unnest(${questionIds}::uuid[]) with ordinality as picked(id, n)
      )
      select q.id::text as id, q.slug, q.title, q.prompt, lower(q.kind::text) as kind, t.name as topic, c."starterCode", lower(c.language::text) as language, c."visibleTests"
      from unnest(${questionIds}::uuid[]) with ordinality as picked(id, n)
      join "Question" q on q.id = picked.id
      join "Topic" t on t.id = q."topicId"
      left join "CodingProblem" c on c."questionId" = q.id
      order by picked.n`;
    return { id, questions };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Prisma.PrismaClientKnownRequestError("A running interview already exists.", {
        code: "P2002",
        clientVersion: Prisma.prismaVersion.client,
      });
    throw error;
  }
}

export async function endInterview(
  userId: string,
  id: string,
  how: "finish" | "abandon",
  now = new Date(),
): Promise<InterviewView> {
  const row = await loadInterview(userId, id, now);
  if (row.status === "IN_PROGRESS")
    await db().$transaction((tx) => finalize(tx, row, how === "finish" ? "FINISHED" : "ABANDONED", now));
  return getInterview(userId, id, now);
}

/** Most questions a practice interview built from a set or from weak topics holds. */
export const CUSTOM_INTERVIEW_MAX = 20;

/** A practice interview (no clock) over chosen questions: from a set, or the dashboard's weakest topics. */
async function startCustomInterview(
  userId: string,
  input: { title: string; questionIds: string[]; setId?: string; topicFocus?: string[]; seed?: number },
  now: Date,
) {
  if (!input.questionIds.length)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { questions: ["There are no questions to practise."] },
    });
  const { id } = await createInterview(
    {
      userId,
      title: input.title,
      setId: input.setId ?? null,
      mode: "PRACTICE",
      seed: input.seed ?? crypto.randomInt(0, 2 ** 31 - 1),
      topicFocus: input.topicFocus ?? [],
      timeMultiplier: 1,
      startedAt: now,
      deadlineAt: null,
    },
    input.questionIds,
  );
  return { id };
}

/** A seeded shuffle's first `count` items: the interview stores the seed, so its sample can be reproduced. */
function sample<T>(items: T[], count: number, seed: number): T[] {
  if (items.length <= count) return items;
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

export async function startSetInterview(userId: string, setId: string, now = new Date()) {
  const set = await db().questionSet.findFirst({
    where: { id: setId, userId },
    include: {
      items: {
        where: { question: { archivedAt: null } },
        orderBy: [{ addedAt: "asc" }, { questionId: "asc" }],
        select: { questionId: true },
      },
    },
  });
  if (!set) throw new AppError("NOT_FOUND", "No such set.");
  const seed = crypto.randomInt(0, 2 ** 31 - 1);
  const ids = sample(
    set.items.map((i) => i.questionId),
    CUSTOM_INTERVIEW_MAX,
    seed,
  );
  return startCustomInterview(userId, { title: `Set: ${set.name}`, questionIds: ids, setId: set.id, seed }, now);
}

/**
 * Practice on the given topics: questions due for review first, then the lowest-scored, then never
 * attempted ones; at most 8.
 */
export async function startTopicInterview(userId: string, topics: string[], now = new Date()) {
  const rows = await db().$queryRaw<{ id: string }[]>`
    select q.id
    from "Question" q join "Topic" t on t.id = q."topicId"
    left join "ReviewCard" rc on rc."questionId" = q.id and rc."userId" = ${userId}::uuid
    left join lateral (
      select min(iq.score) as score from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
      where iq."questionId" = q.id and i."userId" = ${userId}::uuid and iq.score is not null
    ) s on true
    where q."archivedAt" is null and q.kind = 'WRITTEN' and t.slug = any(${topics}::text[])
    order by (rc.due is not null and rc.due <= ${now}) desc, s.score asc nulls last, random()
    limit 8`;
  const names = await db().topic.findMany({
    where: { slug: { in: topics } },
    orderBy: { order: "asc" },
    select: { name: true, slug: true },
  });
  if (!names.length)
    throw new AppError("VALIDATION", "Some fields are invalid.", { fields: { topics: ["No such topic."] } });
  return startCustomInterview(
    userId,
    {
      title: `Practice: ${names.map((n) => n.name).join(", ")}`,
      questionIds: rows.map((r) => r.id),
      topicFocus: names.map((n) => n.slug),
    },
    now,
  );
}

/**
 * Remembers the question the user has open in a running interview, so a reload or another device opens on it.
 * One statement: the interview must be the user's, running, and ask that question; otherwise 404 (not the
 * user's, or a question it does not ask) or 409 (it has ended).
 */
export async function setCurrentQuestion(userId: string, id: string, questionId: string, now = new Date()) {
  const updated = await db().$executeRaw`
    update "Interview" i set "currentQuestionId" = ${questionId}::uuid
    where i.id = ${id}::uuid and i."userId" = ${userId}::uuid and i.status = 'IN_PROGRESS'
      and exists (select 1 from "InterviewQuestion" iq where iq."interviewId" = i.id and iq."questionId" = ${questionId}::uuid)`;
  if (updated) return { questionId };
  const row = await loadInterview(userId, id, now); // 404 for others' ids
  if (row.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This interview has ended.");
  throw new AppError("NOT_FOUND", "This interview does not ask that question.");
}
