// Merged questions (a kept question's `formerSlugs`, seed/README.md): when a former question is still in the
// database, everything users hold on it moves to the kept question, inside the loader's transaction. Nothing
// typed is lost: where a user has a row on both and only one may stay, the texts are joined or both versions
// kept. The former question is then deleted, or archived when a row cannot move (an interview that asked both
// questions keeps its answer to the former one, still readable in the history). A second run finds nothing to do.
import type { Prisma } from "../lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type MergeReport = { merged: number; deleted: number; archived: number; movedRows: number };

/** What goes between the kept question's text and the former one's when a user had written on both. */
export function mergedTextSeparator(formerTitle: string): string {
  return `\n\n---\n\n_Moved here from the merged question "${formerTitle}":_\n\n`;
}

/** Moves one user's rows from `from` to `to`; returns how many rows it changed. */
async function moveUserRows(tx: Tx, from: string, to: string, separator: string): Promise<number> {
  const statements = [
    // Notes: one per user and question; a user's two notes become one, the kept question's text first.
    tx.$executeRaw`update "Note" k set content = k.content || ${separator} || o.content, revision = k.revision + 1,
        "updatedAt" = greatest(k."updatedAt", o."updatedAt")
      from "Note" o where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"`,
    tx.$executeRaw`delete from "Note" o using "Note" k
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"`,
    tx.$executeRaw`update "Note" set "questionId" = ${to}::uuid where "questionId" = ${from}::uuid`,
    // Practice: the former answer's versions follow the kept answer's, numbered after them; drafts are joined
    // (one that is empty or the same adds nothing); the later self-rating wins.
    tx.$executeRaw`update "PracticeAnswerVersion" v set "answerId" = k.id,
        number = v.number + (select coalesce(max(x.number), 0) from "PracticeAnswerVersion" x where x."answerId" = k.id)
      from "PracticeAnswer" o join "PracticeAnswer" k on k."userId" = o."userId" and k."questionId" = ${to}::uuid
      where o."questionId" = ${from}::uuid and v."answerId" = o.id`,
    tx.$executeRaw`update "PracticeAnswer" k set
        draft = case when o.draft = '' or o.draft = k.draft then k.draft when k.draft = '' then o.draft
                     else k.draft || ${separator} || o.draft end,
        rating = case when o."ratedAt" > k."ratedAt" or k."ratedAt" is null then o.rating else k.rating end,
        "ratedAt" = greatest(k."ratedAt", o."ratedAt"), revision = k.revision + 1,
        "updatedAt" = greatest(k."updatedAt", o."updatedAt")
      from "PracticeAnswer" o where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"`,
    tx.$executeRaw`delete from "PracticeAnswer" o using "PracticeAnswer" k
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"`,
    tx.$executeRaw`update "PracticeAnswer" set "questionId" = ${to}::uuid where "questionId" = ${from}::uuid`,
    // Review: of two cards the one with more repetitions stays (then the later due date); every rating moves.
    tx.$executeRaw`delete from "ReviewCard" d using "ReviewCard" o, "ReviewCard" k
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"
        and d.id = case when (o.reps, o.due) > (k.reps, k.due) then k.id else o.id end`,
    tx.$executeRaw`update "ReviewCard" set "questionId" = ${to}::uuid where "questionId" = ${from}::uuid`,
    tx.$executeRaw`update "ReviewLog" set "questionId" = ${to}::uuid where "questionId" = ${from}::uuid`,
    // Bookmarks and set items: the question is simply there once; the earlier date stays.
    tx.$executeRaw`update "Bookmark" k set "createdAt" = least(k."createdAt", o."createdAt") from "Bookmark" o
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"
        and o."createdAt" < k."createdAt"`,
    tx.$executeRaw`delete from "Bookmark" o using "Bookmark" k
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."userId" = o."userId"`,
    tx.$executeRaw`update "Bookmark" set "questionId" = ${to}::uuid where "questionId" = ${from}::uuid`,
    tx.$executeRaw`update "QuestionSetItem" k set "addedAt" = least(k."addedAt", o."addedAt") from "QuestionSetItem" o
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."setId" = o."setId"
        and o."addedAt" < k."addedAt"`,
    tx.$executeRaw`delete from "QuestionSetItem" o using "QuestionSetItem" k
      where o."questionId" = ${from}::uuid and k."questionId" = ${to}::uuid and k."setId" = o."setId"`,
    tx.$executeRaw`update "QuestionSetItem" set "questionId" = ${to}::uuid where "questionId" = ${from}::uuid`,
    // Interviews: the history shows the kept question, unless the interview asked both (then its answer
    // to the former question stays where it is, and so does the question).
    tx.$executeRaw`update "InterviewQuestion" o set "questionId" = ${to}::uuid
      where o."questionId" = ${from}::uuid and not exists (
        select 1 from "InterviewQuestion" k where k."interviewId" = o."interviewId" and k."questionId" = ${to}::uuid)`,
    tx.$executeRaw`update "Interview" i set "currentQuestionId" = ${to}::uuid
      where i."currentQuestionId" = ${from}::uuid and not exists (
        select 1 from "InterviewQuestion" o where o."interviewId" = i.id and o."questionId" = ${from}::uuid)`,
  ];
  let changed = 0;
  // In order: each statement relies on the ones before it (sequentially, on the transaction's one connection).
  for (const statement of statements) changed += await statement;
  return changed;
}

/** Rows of users' data that still point at a question. */
async function userRowsOn(tx: Tx, questionId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`select (
      (select count(*) from "Note" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "PracticeAnswer" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "ReviewCard" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "ReviewLog" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "Bookmark" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "QuestionSetItem" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "InterviewQuestion" where "questionId" = ${questionId}::uuid) +
      (select count(*) from "Interview" where "currentQuestionId" = ${questionId}::uuid))::int as n`;
  return row!.n;
}

/**
 * For each kept question (by slug) and the slugs merged into it: moves users' data from a former question
 * still in the database to the kept one, then deletes the former question, or archives it when a row had to stay.
 */
export async function mergeFormerQuestions(
  tx: Tx,
  kept: { slug: string; formerSlugs: string[] }[],
  now: Date,
): Promise<MergeReport> {
  const report: MergeReport = { merged: 0, deleted: 0, archived: 0, movedRows: 0 };
  const formerSlugs = kept.flatMap((k) => k.formerSlugs);
  if (!formerSlugs.length) return report;
  const former = new Map(
    (
      await tx.question.findMany({
        where: { slug: { in: formerSlugs } },
        select: { id: true, slug: true, title: true, archivedAt: true },
      })
    ).map((q) => [q.slug, q]),
  );
  for (const question of kept) {
    for (const slug of question.formerSlugs) {
      const from = former.get(slug);
      if (!from) continue;
      const to = await tx.question.findUniqueOrThrow({ where: { slug: question.slug }, select: { id: true } });
      const moved = await moveUserRows(tx, from.id, to.id, mergedTextSeparator(from.title));
      report.movedRows += moved;
      if ((await userRowsOn(tx, from.id)) === 0) {
        await tx.question.delete({ where: { id: from.id } });
        report.deleted++;
        report.merged++;
      } else if (!from.archivedAt) {
        await tx.question.update({ where: { id: from.id }, data: { archivedAt: now } });
        report.archived++;
        report.merged++;
      } else if (moved) {
        report.merged++;
      }
    }
  }
  return report;
}
