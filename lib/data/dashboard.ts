import "server-only";
import { db } from "../db/client";
import { standing, weakestTopics, type TopicResults } from "../progress/strength";
import { dueCount } from "./review";

/** Self-ratings as strength signals, on the same 0..1 scale as key point coverage. */
export const RATING_STRENGTH = { AGAIN: 0, HARD: 0.35, GOOD: 0.75, EASY: 1 } as const;

export type Activity = { kind: "interview" | "practice" | "note" | "review"; title: string; href: string; at: string };

/** Consecutive days with activity up to today (or up to yesterday, if nothing yet today). Days are "YYYY-MM-DD". */
export function streakLength(days: string[], today: string): number {
  const set = new Set(days);
  const step = (day: string) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  };
  let day = set.has(today) ? today : step(today);
  let count = 0;
  while (set.has(day)) {
    count++;
    day = step(day);
  }
  return count;
}

export async function getDashboard(userId: string, now = new Date()) {
  const [counts, days, strength, recent, due] = await Promise.all([
    db().$queryRaw<{ interviews: number; practised: number; notes: number; tz: string; today: string }[]>`
      select
        (select count(*)::int from "Interview" where "userId" = ${userId}::uuid and status in ('FINISHED', 'EXPIRED')) as interviews,
        (select count(*)::int from (
          select iq."questionId" from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
          where i."userId" = ${userId}::uuid and iq."answeredAt" is not null and iq.content ~ '[^[:space:]]'
          union
          select pa."questionId" from "PracticeAnswer" pa
          where pa."userId" = ${userId}::uuid and (pa.rating is not null or exists (select 1 from "PracticeAnswerVersion" v where v."answerId" = pa.id))
        ) practised) as practised,
        (select count(*)::int from "Note" where "userId" = ${userId}::uuid) as notes,
        u."timeZone" as tz,
        to_char(${now}::timestamptz at time zone u."timeZone", 'YYYY-MM-DD') as today
      from "User" u where u.id = ${userId}::uuid`,
    // Days with activity in the user's time zone, most recent first (a year is plenty for a streak).
    db().$queryRaw<{ day: string }[]>`
      with u as (select "timeZone" as tz from "User" where id = ${userId}::uuid),
      events as (
        select iq."updatedAt" as at from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
          where i."userId" = ${userId}::uuid and iq."answeredAt" is not null
        union all select i."startedAt" from "Interview" i where i."userId" = ${userId}::uuid
        union all select v."createdAt" from "PracticeAnswerVersion" v join "PracticeAnswer" pa on pa.id = v."answerId" where pa."userId" = ${userId}::uuid
        union all select n."updatedAt" from "Note" n where n."userId" = ${userId}::uuid
        union all select l."reviewedAt" from "ReviewLog" l where l."userId" = ${userId}::uuid
      )
      select distinct to_char(e.at at time zone u.tz, 'YYYY-MM-DD') as day
      from events e, u where e.at > ${now}::timestamptz - interval '400 days'
      order by day desc`,
    // Per topic, every topic of the bank: the mean of interview scores, latest practice version scores and
    // self-ratings, and how many of each it rests on. A skipped interview question has no score: not a result.
    db().$queryRaw<TopicResults[]>`
      with signals as (
        select iq."questionId", iq.score as value, true as answer from "InterviewQuestion" iq join "Interview" i on i.id = iq."interviewId"
          where i."userId" = ${userId}::uuid and iq.score is not null
        union all
        select pa."questionId", (select v.score from "PracticeAnswerVersion" v where v."answerId" = pa.id order by v.number desc limit 1), true
          from "PracticeAnswer" pa where pa."userId" = ${userId}::uuid
        union all
        select l."questionId", case l.rating when 'AGAIN' then ${RATING_STRENGTH.AGAIN}::float8 when 'HARD' then ${RATING_STRENGTH.HARD}::float8
          when 'GOOD' then ${RATING_STRENGTH.GOOD}::float8 else ${RATING_STRENGTH.EASY}::float8 end, false
          from "ReviewLog" l where l."userId" = ${userId}::uuid
      ), by_topic as (
        select q."topicId", avg(s.value)::float8 as strength, (count(*) filter (where s.answer))::int as answers, (count(*) filter (where not s.answer))::int as ratings
        from signals s join "Question" q on q.id = s."questionId"
        where s.value is not null
        group by q."topicId"
      )
      select t.slug, t.name, b.strength, coalesce(b.answers, 0) as answers, coalesce(b.ratings, 0) as ratings
      from "Topic" t left join by_topic b on b."topicId" = t.id
      order by t."order", t.slug`,
    db().$queryRaw<{ kind: Activity["kind"]; title: string; href: string; at: Date }[]>`
      (select 'interview' as kind, i.title, '/interviews/' || i.id || case when i.status = 'IN_PROGRESS' then '' else '/review' end as href, i."startedAt" as at
        from "Interview" i where i."userId" = ${userId}::uuid order by i."startedAt" desc limit 8)
      union all
      (select 'practice', q.title, '/questions/' || q.slug, pa."updatedAt" from "PracticeAnswer" pa join "Question" q on q.id = pa."questionId"
        where pa."userId" = ${userId}::uuid order by pa."updatedAt" desc limit 8)
      union all
      (select 'note', q.title, '/questions/' || q.slug, n."updatedAt" from "Note" n join "Question" q on q.id = n."questionId"
        where n."userId" = ${userId}::uuid order by n."updatedAt" desc limit 8)
      union all
      (select 'review', q.title, '/questions/' || q.slug, l."reviewedAt" from "ReviewLog" l join "Question" q on q.id = l."questionId"
        where l."userId" = ${userId}::uuid order by l."reviewedAt" desc limit 8)
      order by at desc limit 8`,
    dueCount(userId, now),
  ]);
  const summary = counts[0]!;
  const topics = strength.map(standing);
  const weakest = weakestTopics(topics);
  return {
    interviews: summary.interviews,
    practised: summary.practised,
    notes: summary.notes,
    timeZone: summary.tz,
    streak: streakLength(
      days.map((d) => d.day),
      summary.today,
    ),
    activeDays: days.length,
    due,
    topics,
    weakest,
    recent: recent.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
