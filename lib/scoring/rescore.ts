// Re-scores stored answers with today's scorer and rubrics: ended interviews' written answers (and their
// interview's score, the mean over the scored answers, as lib/interviews/unanswered.ts defines it) and every
// saved practice version. Run by `npm run rescore` and by the seed step of `npm start`; it does nothing when the
// scorer and every rubric are the ones the stored figures were computed with (ScoringState), so it is idempotent
// and cheap on an unchanged bank. The question editor re-scores one question's answers when its key points change
// (rescoreQuestion). Works in batches, so memory stays flat whatever the number of answers.
// An interview answer whose score crosses LOW_SCORE moves the revision queue as finishing the interview would have
// (reconcileQueue): a question now scored low is queued, and a card only the old score had put there (never reviewed,
// no other answer low) is taken back out, or labelled skipped again when the user also skipped the question.
import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "../db/prisma-client";
import { Prisma } from "../generated/prisma/client";
import { LOW_SCORE } from "../review/fsrs";
import { scoredPoints } from "./derive";
import { keyPointCoverage } from "./match";

/** Bump when lib/scoring changes what a verdict is, so stored figures are recomputed on the next start. */
export const SCORER_VERSION = "rubric-3";
const BATCH = 500;

export type RescoreReport = {
  skipped: boolean;
  interviewAnswers: number;
  interviews: number;
  practiceVersions: number;
  changed: number;
  /** Revision-queue cards added, relabelled or removed because a score crossed LOW_SCORE. */
  queue: { added: number; removed: number; relabelled: number };
};

/** The scorer version and a digest of every question's key points and rubric. */
export async function scoringFingerprint(db: PrismaClient): Promise<string> {
  const [row] = await db.$queryRaw<{ digest: string }[]>`
    select md5(coalesce(string_agg(id::text || ':' || "keyPoints"::text || ':' || rubric::text, ',' order by id), '')) as digest from "Question"`;
  return `${SCORER_VERSION}:${row!.digest}`;
}

type Row = {
  id: string;
  content: string;
  coverage: unknown;
  score: number | null;
  keyPoints: string[];
  rubric: unknown;
  parent: string;
  /** Interview answers: whose, and to which question (the revision queue's key). */
  userId?: string;
  questionId?: string;
};

type Changed = { row: Row; coverage: string; score: number };

/**
 * Longest stretch of scoring between two turns of the event loop. A 2 KB answer takes about 0.8 ms to score, so a
 * batch is up to 0.4 s of CPU: run in a request (the question editor's save), it would hold every other request up.
 */
const SLICE_MS = 10;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function rescoreRows(rows: Row[]): Promise<Changed[]> {
  const changed: Changed[] = [];
  let slice = performance.now();
  for (const row of rows) {
    if (performance.now() - slice > SLICE_MS) {
      await yieldToLoop();
      slice = performance.now();
    }
    const { points, score } = keyPointCoverage(row.content, scoredPoints(row.keyPoints, row.rubric));
    // jsonb keeps its own key order: compare values, not text.
    if (score !== row.score || !isDeepStrictEqual(points, row.coverage))
      changed.push({ row, coverage: JSON.stringify(points), score });
  }
  return changed;
}

const emptyReport = (): RescoreReport => ({
  skipped: false,
  interviewAnswers: 0,
  interviews: 0,
  practiceVersions: 0,
  changed: 0,
  queue: { added: 0, removed: 0, relabelled: 0 },
});

export async function rescore(db: PrismaClient, options: { force?: boolean } = {}): Promise<RescoreReport> {
  const fingerprint = await scoringFingerprint(db);
  const report = emptyReport();
  const state = await db.scoringState.findUnique({ where: { id: 1 } });
  if (!options.force && state?.fingerprint === fingerprint) return { ...report, skipped: true };
  await rescoreAnswers(db, Prisma.empty, report);
  await db.scoringState.upsert({
    where: { id: 1 },
    create: { id: 1, fingerprint, rescoredAt: new Date() },
    update: { fingerprint, rescoredAt: new Date() },
  });
  return report;
}

/**
 * Re-scores the answers to one question with its key points and rubric as they are now: what the editor does after
 * a save that changed them, so users' interview history, dashboard and revision queue follow the fix at once. The
 * stored fingerprint is left as it is: the next start checks every answer again and finds these current.
 */
export async function rescoreQuestion(db: PrismaClient, questionId: string): Promise<RescoreReport> {
  const report = emptyReport();
  await rescoreAnswers(db, Prisma.sql`and q.id = ${questionId}::uuid`, report);
  return report;
}

async function rescoreAnswers(db: PrismaClient, only: Prisma.Sql, report: RescoreReport): Promise<void> {
  // Written answers of ended interviews that were scored: a blank one was left unscored when the interview ended
  // (lib/interviews/unanswered.ts) and stays so.
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      select iq.id::text, iq.content, iq.coverage, iq.score, q."keyPoints", q.rubric, iq."interviewId"::text as parent,
             i."userId"::text as "userId", iq."questionId"::text as "questionId"
      from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId" join "Question" q on q.id = iq."questionId"
      where iq.id > ${after}::uuid and i.status <> 'IN_PROGRESS' and q.kind = 'WRITTEN'
        and cardinality(q."keyPoints") > 0 and iq.score is not null ${only}
      order by iq.id limit ${BATCH}`;
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    report.interviewAnswers += rows.length;
    const changed = await rescoreRows(rows);
    if (changed.length) {
      const parents = [...new Set(changed.map((c) => c.row.parent))];
      const [, , queue] = await db.$transaction([
        db.$executeRaw`
          update "InterviewQuestion" iq set coverage = v.coverage::jsonb, score = v.score
          from unnest(${changed.map((c) => c.row.id)}::uuid[], ${changed.map((c) => c.coverage)}::text[], ${changed.map((c) => c.score)}::float8[]) as v(id, coverage, score)
          where iq.id = v.id`,
        db.$executeRaw`
          update "Interview" i set score = (select avg(score) from "InterviewQuestion" where "interviewId" = i.id and score is not null)
          where i.id = any(${parents}::uuid[])`,
        reconcileQueue(db, changed),
      ]);
      report.changed += changed.length;
      report.interviews += parents.length;
      const [counts] = queue;
      report.queue.added += counts?.added ?? 0;
      report.queue.removed += counts?.removed ?? 0;
      report.queue.relabelled += counts?.relabelled ?? 0;
    }
  }

  after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      select v.id::text, v.content, v.coverage, v.score, q."keyPoints", q.rubric, v."answerId"::text as parent
      from "PracticeAnswerVersion" v join "PracticeAnswer" a on a.id = v."answerId" join "Question" q on q.id = a."questionId"
      where v.id > ${after}::uuid ${only}
      order by v.id limit ${BATCH}`;
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    report.practiceVersions += rows.length;
    const changed = await rescoreRows(rows);
    if (changed.length) {
      await db.$executeRaw`
        update "PracticeAnswerVersion" pv set coverage = v.coverage::jsonb, score = v.score
        from unnest(${changed.map((c) => c.row.id)}::uuid[], ${changed.map((c) => c.coverage)}::text[], ${changed.map((c) => c.score)}::float8[]) as v(id, coverage, score)
        where pv.id = v.id`;
      report.changed += changed.length;
    }
  }
}

/**
 * The revision queue after a batch of interview answers moved across LOW_SCORE, in the same transaction as their
 * new scores (it reads them). Finishing an interview queues every question answered below LOW_SCORE (LOW_SCORE card)
 * and every question left blank (SKIPPED); a rescore does what finishing would have done with today's scores, for
 * the answers whose score crossed the line and no others, so a card the user removed for an answer that stays low is
 * not brought back:
 * - now low: the question is queued as a new card due now; a card there only as skipped is relabelled LOW_SCORE;
 * - no longer low: a LOW_SCORE card is taken out when nothing else holds it there: no other ended-interview answer of
 *   the user's to it still scores low, and the card was never rated (a rated card is the user's own schedule and
 *   stays). When the user also skipped the question in an ended interview it stays, labelled SKIPPED.
 * Cards added by hand or by a rating are never touched.
 */
function reconcileQueue(db: PrismaClient, changed: Changed[]) {
  const crossing = (toLow: boolean) =>
    changed.filter((c) => {
      if (c.row.score === null) return false;
      const wasLow = c.row.score < LOW_SCORE;
      const isLow = c.score < LOW_SCORE;
      return wasLow !== isLow && isLow === toLow;
    });
  const pairs = (items: Changed[]) => ({
    users: items.map((c) => c.row.userId!),
    questions: items.map((c) => c.row.questionId!),
  });
  const low = pairs(crossing(true));
  const fine = pairs(crossing(false));
  return db.$queryRaw<{ added: number; removed: number; relabelled: number }[]>`
    with low as (select distinct u, q from unnest(${low.users}::uuid[], ${low.questions}::uuid[]) as p(u, q)),
    fine as (
      select distinct u, q from unnest(${fine.users}::uuid[], ${fine.questions}::uuid[]) as p(u, q)
      where not exists (
        select 1 from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
        where i."userId" = p.u and iq."questionId" = p.q and i.status <> 'IN_PROGRESS' and iq.score < ${LOW_SCORE})
    ),
    skipped as (
      select f.u, f.q from fine f
      where exists (
        select 1 from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
        where i."userId" = f.u and iq."questionId" = f.q and i.status in ('FINISHED', 'EXPIRED')
          and iq.score is null and iq."answeredAt" is null)
    ),
    -- A new card as lib/review/fsrs.ts newCard makes one: due now, every FSRS figure zero (the columns' defaults).
    added as (
      insert into "ReviewCard" (id, "userId", "questionId", reason, due, "updatedAt")
      select gen_random_uuid(), u, q, 'LOW_SCORE', now(), now() from low
      on conflict ("userId", "questionId") do update set reason = 'LOW_SCORE', "updatedAt" = now()
        where "ReviewCard".reason = 'SKIPPED'
      returning (xmax = 0) as inserted
    ),
    untouched as (
      select c.id, exists (select 1 from skipped s where s.u = c."userId" and s.q = c."questionId") as skipped
      from "ReviewCard" c join fine f on c."userId" = f.u and c."questionId" = f.q
      where c.reason = 'LOW_SCORE' and c.reps = 0 and c."lastReview" is null
    ),
    relabelled as (
      update "ReviewCard" c set reason = 'SKIPPED', "updatedAt" = now()
      from untouched t where c.id = t.id and t.skipped returning c.id
    ),
    removed as (delete from "ReviewCard" c using untouched t where c.id = t.id and not t.skipped returning c.id)
    select (select count(*) filter (where inserted) from added)::int as added,
           (select count(*) from removed)::int as removed,
           ((select count(*) filter (where not inserted) from added) + (select count(*) from relabelled))::int as relabelled`;
}

export function describeRescore(r: RescoreReport): string {
  if (r.skipped) return "rescore: stored scores are current";
  const { added, removed, relabelled } = r.queue;
  const queue =
    added || removed || relabelled
      ? `; revision queue: ${added} added, ${removed} removed, ${relabelled} relabelled`
      : "";
  return `rescore: ${r.interviewAnswers} interview answers and ${r.practiceVersions} practice versions checked, ${r.changed} re-scored (${r.interviews} interview totals updated)${queue}`;
}
