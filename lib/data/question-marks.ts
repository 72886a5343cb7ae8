import "server-only";
import { db } from "../db/client";

/** What the signed-in user has done with a question, as the question list marks it. */
export type QuestionMarks = { practised: boolean; bookmarked: boolean; noted: boolean };

/**
 * The marks of a page of questions, in one query for all its rows. "Practised" as the dashboard counts it: an
 * answer given in an interview, or a practice answer saved as a version or rated.
 */
export async function questionMarks(userId: string, slugs: string[]): Promise<Map<string, QuestionMarks>> {
  if (!slugs.length) return new Map();
  const rows = await db().$queryRaw<({ slug: string } & QuestionMarks)[]>`
    select q.slug,
      exists (select 1 from "PracticeAnswer" pa where pa."userId" = ${userId}::uuid and pa."questionId" = q.id
                and (pa.rating is not null or exists (select 1 from "PracticeAnswerVersion" v where v."answerId" = pa.id)))
      or exists (select 1 from "Interview" i join "InterviewQuestion" iq on iq."interviewId" = i.id
                   where i."userId" = ${userId}::uuid and iq."questionId" = q.id
                     and iq."answeredAt" is not null and iq.content ~ '[^[:space:]]') as practised,
      exists (select 1 from "Bookmark" b where b."userId" = ${userId}::uuid and b."questionId" = q.id) as bookmarked,
      exists (select 1 from "Note" n where n."userId" = ${userId}::uuid and n."questionId" = q.id) as noted
    from "Question" q where q.slug = any(${slugs}::text[])`;
  return new Map(rows.map(({ slug, ...marks }) => [slug, marks]));
}
