// Re-scores stored answers with today's scorer and rubrics: ended interviews' written answers (and their
// interview's score, the mean over the scored answers, as lib/interviews/unanswered.ts defines it) and every
// saved practice version. Run by `npm run rescore` and by the seed step of `npm start`; it does nothing when the
// scorer and every rubric are the ones the stored figures were computed with (ScoringState), so it is idempotent
// and cheap on an unchanged bank. The question editor re-scores one question's answers when its key points change
// (rescoreQuestion). Works in batches, so memory stays flat whatever the number of answers.
import { isDeepStrictEqual } from "node:util";
import type { PrismaClient } from "../db/prisma-client";
import { Prisma } from "../generated/prisma/client";
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
};

function rescoreRows(rows: Row[]) {
  const changed: { id: string; coverage: string; score: number; parent: string }[] = [];
  for (const row of rows) {
    const { points, score } = keyPointCoverage(row.content, scoredPoints(row.keyPoints, row.rubric));
    // jsonb keeps its own key order: compare values, not text.
    if (score !== row.score || !isDeepStrictEqual(points, row.coverage))
      changed.push({ id: row.id, coverage: JSON.stringify(points), score, parent: row.parent });
  }
  return changed;
}

export async function rescore(db: PrismaClient, options: { force?: boolean } = {}): Promise<RescoreReport> {
  const fingerprint = await scoringFingerprint(db);
  const report: RescoreReport = { skipped: false, interviewAnswers: 0, interviews: 0, practiceVersions: 0, changed: 0 };
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
 * a save that changed them, so users' interview history and dashboard follow the fix at once (a card the revision
 * queue holds for a low score stays, as after `npm run rescore`). The stored fingerprint is left as it is: the next
 * start checks every answer again and finds these current.
 */
export async function rescoreQuestion(db: PrismaClient, questionId: string): Promise<RescoreReport> {
  const report: RescoreReport = { skipped: false, interviewAnswers: 0, interviews: 0, practiceVersions: 0, changed: 0 };
  await rescoreAnswers(db, Prisma.sql`and q.id = ${questionId}::uuid`, report);
  return report;
}

async function rescoreAnswers(db: PrismaClient, only: Prisma.Sql, report: RescoreReport): Promise<void> {
  // Written answers of ended interviews that were scored: a blank one was left unscored when the interview ended
  // (lib/interviews/unanswered.ts) and stays so.
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRaw<Row[]>`
      select iq.id::text, iq.content, iq.coverage, iq.score, q."keyPoints", q.rubric, iq."interviewId"::text as parent
      from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId" join "Question" q on q.id = iq."questionId"
      where iq.id > ${after}::uuid and i.status <> 'IN_PROGRESS' and q.kind = 'WRITTEN'
        and cardinality(q."keyPoints") > 0 and iq.score is not null ${only}
      order by iq.id limit ${BATCH}`;
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    report.interviewAnswers += rows.length;
    const changed = rescoreRows(rows);
    if (changed.length) {
      await db.$transaction([
        db.$executeRaw`
          update "InterviewQuestion" iq set coverage = v.coverage::jsonb, score = v.score
          from unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.coverage)}::text[], ${changed.map((c) => c.score)}::float8[]) as v(id, coverage, score)
          where iq.id = v.id`,
        db.$executeRaw`
          update "Interview" i set score = (select avg(score) from "InterviewQuestion" where "interviewId" = i.id and score is not null)
          where i.id = any(${[...new Set(changed.map((c) => c.parent))]}::uuid[])`,
      ]);
      report.changed += changed.length;
      report.interviews += new Set(changed.map((c) => c.parent)).size;
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
    const changed = rescoreRows(rows);
    if (changed.length) {
      await db.$executeRaw`
        update "PracticeAnswerVersion" pv set coverage = v.coverage::jsonb, score = v.score
        from unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.coverage)}::text[], ${changed.map((c) => c.score)}::float8[]) as v(id, coverage, score)
        where pv.id = v.id`;
      report.changed += changed.length;
    }
  }
}

export function describeRescore(r: RescoreReport): string {
  if (r.skipped) return "rescore: stored scores are current";
  return `rescore: ${r.interviewAnswers} interview answers and ${r.practiceVersions} practice versions checked, ${r.changed} re-scored (${r.interviews} interview totals updated)`;
}
