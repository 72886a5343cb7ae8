import "server-only";
import { db } from "../db/client";
import { Prisma, type ReportReason, type ReportStatus } from "../generated/prisma/client";
import type { RatingName } from "../review/fsrs";
import { readCoverage } from "../scoring/coverage";
import { PRACTICE_VERSIONS_SHOWN, type PracticeAnswerView } from "../schemas/practice";
import type { NoteView } from "../schemas/notes";
import { questionNotFound } from "./notes";
import { EMPTY_PRACTICE } from "./practice";
import { recordingView } from "./recordings";
import { reportView } from "./reports";
import type { Pause } from "../speech/figures";
import { runningTimedWhere } from "./withheld";

// Times inside JSON travel as epoch milliseconds: PostgreSQL writes timestamps in JSON in its own format (offset,
// trailing zeros trimmed), and the views carry `toISOString()` strings.
type Ms = number;
type Row = {
  question: { slug: string; title: string; topic: { slug: string; name: string } };
  note: { content: string; revision: number; createdAt: Ms; updatedAt: Ms } | null;
  practice: {
    draft: string;
    revision: number;
    rating: string | null;
    updatedAt: Ms;
    versions: { number: number; content: string; score: number; coverage: unknown; createdAt: Ms }[];
    versionCount: number;
  } | null;
  bookmarked: boolean;
  sets: { id: string; name: string; contains: boolean }[];
  due: Date | null;
  withheldBy: string | null;
  report: {
    id: string;
    reason: string;
    details: string;
    status: string;
    reply: string | null;
    createdAt: Ms;
    closedAt: Ms | null;
  } | null;
  recording: {
    id: string;
    mimeType: string;
    bytes: number;
    durationMs: number;
    pauses: Pause[];
    transcribedBy: string | null;
    spokenWords: number | null;
    createdAt: Ms;
  } | null;
};

const iso = (ms: Ms) => new Date(ms).toISOString();
const ms = (column: string) => Prisma.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * Everything a question page shows a signed-in user about their own work on it, in one statement: the same views
 * as noteOn and practiceOn, the bookmark, the sets holding it, the review card, and the id of the user's running
 * timed interview if it asks this question (lib/data/withheld.ts). Every part is scoped by the user's id.
 */
export async function questionWorkspace(userId: string, slug: string, now = new Date()) {
  const rows = await db().$queryRaw<Row[]>`
    select
      json_build_object('slug', q.slug, 'title', q.title, 'topic', json_build_object('slug', t.slug, 'name', t.name))
        as question,
      (select json_build_object('content', n.content, 'revision', n.revision,
                                'createdAt', ${ms(`n."createdAt"`)}, 'updatedAt', ${ms(`n."updatedAt"`)})
         from "Note" n where n."userId" = ${userId}::uuid and n."questionId" = q.id) as note,
      (select json_build_object('draft', a.draft, 'revision', a.revision, 'rating', a.rating,
                                'updatedAt', ${ms(`a."updatedAt"`)},
                                'versions', coalesce((
                                  select json_agg(json_build_object('number', v.number, 'content', v.content,
                                    'score', v.score, 'coverage', v.coverage, 'createdAt', v."createdAt") order by v.number)
                                  from (select number, content, score, coverage, ${ms(`"createdAt"`)} as "createdAt"
                                        from "PracticeAnswerVersion" where "answerId" = a.id
                                        order by number desc limit ${PRACTICE_VERSIONS_SHOWN}) v), '[]'),
                                'versionCount', (select count(*) from "PracticeAnswerVersion" c where c."answerId" = a.id))
         from "PracticeAnswer" a where a."userId" = ${userId}::uuid and a."questionId" = q.id) as practice,
      exists (select 1 from "Bookmark" b where b."userId" = ${userId}::uuid and b."questionId" = q.id) as bookmarked,
      coalesce((
        select json_agg(json_build_object('id', s.id, 'name', s.name, 'contains',
                          exists (select 1 from "QuestionSetItem" si where si."setId" = s.id and si."questionId" = q.id))
                        order by s."updatedAt" desc, s.id)
        from "QuestionSet" s where s."userId" = ${userId}::uuid), '[]') as sets,
      (select r.due from "ReviewCard" r where r."userId" = ${userId}::uuid and r."questionId" = q.id) as due,
      (select i.id::text from "Interview" i join "InterviewQuestion" iq on iq."interviewId" = i.id
        where ${runningTimedWhere(userId, now)} and iq."questionId" = q.id limit 1) as "withheldBy",
      (select json_build_object('id', r.id, 'reason', r.reason, 'details', r.details, 'status', r.status,
                                'reply', r.reply, 'createdAt', ${ms(`r."createdAt"`)},
                                'closedAt', ${ms(`r."closedAt"`)})
         from "Report" r where r."userId" = ${userId}::uuid and r."questionId" = q.id
         order by r."createdAt" desc, r.id desc limit 1) as report,
      (select json_build_object('id', rec.id, 'mimeType', rec."mimeType", 'bytes', rec.bytes,
                                'durationMs', rec."durationMs", 'pauses', rec.pauses,
                                'transcribedBy', rec."transcribedBy", 'spokenWords', rec."spokenWords",
                                'createdAt', ${ms(`rec."createdAt"`)})
         from "Recording" rec join "PracticeAnswer" pa on pa.id = rec."practiceAnswerId"
         where pa."userId" = ${userId}::uuid and pa."questionId" = q.id and rec."userId" = ${userId}::uuid) as recording
    from "Question" q join "Topic" t on t.id = q."topicId"
    where q.slug = ${slug}`;
  const row = rows[0];
  if (!row) throw questionNotFound();
  return {
    note: row.note && noteView(row.question, row.note),
    practice: row.practice ? practiceView(row.practice) : EMPTY_PRACTICE,
    membership: { bookmarked: row.bookmarked, sets: row.sets },
    queued: row.due ? { due: row.due.toISOString() } : null,
    /** The running timed interview that asks this question (its model answer and practice are withheld), or null. */
    withheldBy: row.withheldBy ? { id: row.withheldBy } : null,
    /** The user's latest "Report a problem" on it, and what came of it. */
    report: row.report
      ? reportView({
          ...row.report,
          reason: row.report.reason as ReportReason,
          status: row.report.status as ReportStatus,
          createdAt: new Date(row.report.createdAt),
          closedAt: row.report.closedAt === null ? null : new Date(row.report.closedAt),
        })
      : null,
    /** The practice answer spoken aloud (issue #25), without its audio. */
    recording: row.recording
      ? recordingView({ ...row.recording, createdAt: new Date(row.recording.createdAt) }, { kind: "practice", slug })
      : null,
  };
}

function noteView(question: Row["question"], note: NonNullable<Row["note"]>): NoteView {
  return {
    question,
    content: note.content,
    revision: note.revision,
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
  };
}

function practiceView(answer: NonNullable<Row["practice"]>): PracticeAnswerView {
  return {
    draft: answer.draft,
    revision: answer.revision,
    rating: answer.rating ? (answer.rating.toLowerCase() as RatingName) : null,
    updatedAt: iso(answer.updatedAt),
    versions: answer.versions.map((v) => ({
      number: v.number,
      content: v.content,
      score: v.score,
      coverage: readCoverage(v.coverage),
      createdAt: iso(v.createdAt),
    })),
    versionCount: answer.versionCount,
  };
}
