import "server-only";
// Spoken answers (issue #25): the recording of one interview answer or one practice answer, owner-only (someone
// else's is a 404, like every answer), replaced by the next take, deleted with its answer and its account. The
// transcript comes from the configured endpoint (lib/speech/transcriber.ts) or, when the user chose it, from the
// browser's own speech recognition (which puts the text into the editor and sends only its word count here).
import { db } from "../db/client";
import { AppError } from "../http/errors";
import type { Prisma } from "../generated/prisma/client";
import { acceptsWrites } from "../interviews/clock";
import { keys, rules } from "../auth/rate-limit-rules";
import { countWords, speakingFigures, type Pause, type SpeakingFigures } from "../speech/figures";
import { transcriber } from "../speech/transcriber";
import type { RecordingQuery } from "../schemas/recordings";
import { loadInterview, notFound as interviewNotFound } from "./interviews";
import { questionNotFound } from "./notes";
import { recordHit } from "./rate-limits";
import { runningTimedInterview, withheldConflict } from "./withheld";

export type RecordingTarget =
  { kind: "interview"; interviewId: string; questionId: string } | { kind: "practice"; slug: string };

export type RecordingView = {
  /** Where the audio plays from (owner-only); `v` changes with each take. */
  url: string;
  mimeType: string;
  bytes: number;
  createdAt: string;
  transcribedBy: "endpoint" | "browser" | null;
  figures: SpeakingFigures;
};

export type SavedRecording = {
  recording: RecordingView;
  /** What the endpoint heard, for the editor (the user corrects it there); null when nothing transcribed it. */
  transcript: string | null;
  /** Why there is no transcript, when transcription was tried and failed. */
  transcriptError: string | null;
};

const noRecording = () => new AppError("NOT_FOUND", "This answer has no recording.");
const notSpoken = () => new AppError("VALIDATION", "Spoken answers are for written questions; code is typed.");

const summary = {
  id: true,
  mimeType: true,
  bytes: true,
  durationMs: true,
  pauses: true,
  transcribedBy: true,
  spokenWords: true,
  createdAt: true,
} satisfies Prisma.RecordingSelect;
type SummaryRow = Prisma.RecordingGetPayload<{ select: typeof summary }>;

export function recordingUrl(target: RecordingTarget): string {
  return target.kind === "interview"
    ? `/api/interviews/${target.interviewId}/answers/${target.questionId}/recording`
    : `/api/questions/${target.slug}/practice/recording`;
}

export function recordingView(row: SummaryRow, target: RecordingTarget): RecordingView {
  return {
    url: `${recordingUrl(target)}?v=${row.createdAt.getTime()}`,
    mimeType: row.mimeType,
    bytes: row.bytes,
    createdAt: row.createdAt.toISOString(),
    transcribedBy: row.transcribedBy?.startsWith("endpoint:")
      ? "endpoint"
      : row.transcribedBy === "browser"
        ? "browser"
        : null,
    figures: speakingFigures({
      durationMs: row.durationMs,
      pauses: row.pauses as Pause[],
      words: row.spokenWords,
    }),
  };
}

/** The answer the recording belongs to, checked for the owner (404 otherwise) and for taking writes (409). */
async function answerFor(
  userId: string,
  target: RecordingTarget,
  now: Date,
  write: boolean,
): Promise<{ interviewQuestionId: string } | { practiceAnswerId: string } | { practiceQuestionId: string }> {
  if (target.kind === "interview") {
    const interview = await loadInterview(userId, target.interviewId, now); // 404 for others' ids
    const answer = interview.questions.find((q) => q.questionId === target.questionId);
    if (!answer) throw interviewNotFound();
    if (write && answer.question.kind === "CODING") throw notSpoken();
    if (write && !acceptsWrites(interview, now))
      throw new AppError("TIME_UP", "Time is up: this interview no longer takes recordings.");
    return { interviewQuestionId: answer.id };
  }
  const question = await db().question.findUnique({ where: { slug: target.slug }, select: { id: true, kind: true } });
  if (!question) throw questionNotFound();
  if (write && question.kind === "CODING") throw notSpoken();
  if (write) {
    const running = await runningTimedInterview(userId);
    if (running?.questionIds.has(question.id))
      throw withheldConflict(running, "Recording a question of your interview");
  }
  const answer = await db().practiceAnswer.findUnique({
    where: { userId_questionId: { userId, questionId: question.id } },
    select: { id: true },
  });
  return answer ? { practiceAnswerId: answer.id } : { practiceQuestionId: question.id };
}

/** 404 for someone else's answer (or none), 409 when it takes no recording now, 400 for a coding question. */
export async function assertRecordable(userId: string, target: RecordingTarget, now = new Date()): Promise<void> {
  await answerFor(userId, target, now, true);
}

/**
 * A transcript of audio that is not kept (an answer to an AI follow-up question, typed into a text box): through
 * the configured endpoint, under the same hourly limit. 404 when no endpoint is configured.
 */
export async function transcribeOnly(
  userId: string,
  audio: Uint8Array<ArrayBuffer>,
): Promise<{ transcript: string | null; transcriptError: string | null }> {
  if (!transcriber()) throw new AppError("NOT_FOUND", "No transcription service is set up on this Mockroom.");
  const { transcript, transcriptError } = await transcriptFor(userId, audio, { durationMs: 0, pauses: [] });
  return { transcript, transcriptError };
}

async function transcriptFor(userId: string, audio: Uint8Array, query: RecordingQuery) {
  if (query.browserWords !== undefined)
    return { transcript: null, transcriptError: null, transcribedBy: "browser", spokenWords: query.browserWords };
  const service = transcriber();
  if (!service) return { transcript: null, transcriptError: null, transcribedBy: null, spokenWords: null };
  const hit = await recordHit(keys.transcribeUser(userId), rules.transcribeUser);
  if (hit.count > rules.transcribeUser.limit)
    return {
      transcript: null,
      transcriptError: `You have sent many recordings to transcribe this hour; the recording is kept, try again in ${Math.ceil(hit.retryAfter / 60)} minutes.`,
      transcribedBy: null,
      spokenWords: null,
    };
  const result = await service.transcribe(audio);
  return result.text === null
    ? { transcript: null, transcriptError: result.error, transcribedBy: null, spokenWords: null }
    : {
        transcript: result.text,
        transcriptError: null,
        transcribedBy: service.label,
        spokenWords: countWords(result.text),
      };
}

/**
 * Stores a take (replacing the answer's earlier one) and transcribes it when a transcriber is configured. The
 * caller has checked the answer with assertRecordable before reading the audio (lib/http/recordings.ts); it is
 * checked again in the write's transaction, after the transcription (the interview may have ended meanwhile).
 */
export async function saveRecording(
  userId: string,
  target: RecordingTarget,
  input: { audio: Uint8Array<ArrayBuffer>; mimeType: string; query: RecordingQuery },
  now = new Date(),
): Promise<SavedRecording> {
  const text = await transcriptFor(userId, input.audio, input.query);
  const row = await db().$transaction(async (tx) => {
    let owner = await answerFor(userId, target, new Date(), true);
    if ("practiceQuestionId" in owner) {
      const answer = await tx.practiceAnswer.upsert({
        where: { userId_questionId: { userId, questionId: owner.practiceQuestionId } },
        create: { userId, questionId: owner.practiceQuestionId, updatedAt: now },
        update: {},
        select: { id: true },
      });
      owner = { practiceAnswerId: answer.id };
    }
    await tx.recording.deleteMany({ where: owner });
    return tx.recording.create({
      data: {
        userId,
        ...owner,
        mimeType: input.mimeType,
        audio: input.audio,
        bytes: input.audio.byteLength,
        durationMs: input.query.durationMs,
        pauses: input.query.pauses,
        transcript: text.transcript,
        transcribedBy: text.transcribedBy,
        spokenWords: text.spokenWords,
        createdAt: now,
      },
      select: summary,
    });
  });
  return { recording: recordingView(row, target), transcript: text.transcript, transcriptError: text.transcriptError };
}

function whereOwned(userId: string, target: RecordingTarget): Prisma.RecordingWhereInput {
  return target.kind === "interview"
    ? {
        userId,
        interviewQuestion: {
          interviewId: target.interviewId,
          questionId: target.questionId,
          interview: { userId },
        },
      }
    : { userId, practiceAnswer: { userId, question: { slug: target.slug } } };
}

/** The audio to play: the owner's only (404 for anyone else, and for an answer without one). */
export async function recordingAudio(
  userId: string,
  target: RecordingTarget,
): Promise<{ audio: Uint8Array; mimeType: string }> {
  const row = await db().recording.findFirst({
    where: whereOwned(userId, target),
    select: { audio: true, mimeType: true },
  });
  if (!row) throw noRecording();
  return row;
}

export async function deleteRecording(userId: string, target: RecordingTarget, now = new Date()): Promise<void> {
  if (target.kind === "interview") {
    // An ended interview is a record: its recordings stay (they go with the interview or the account).
    const interview = await loadInterview(userId, target.interviewId, now);
    if (!acceptsWrites(interview, now))
      throw new AppError("TIME_UP", "This interview has ended: its recordings stay with it.");
  }
  const { count } = await db().recording.deleteMany({ where: whereOwned(userId, target) });
  if (!count) throw noRecording();
}

/** The recordings of an interview's answers (no audio), by question id: for the review. */
export async function interviewRecordings(userId: string, interviewId: string): Promise<Map<string, RecordingView>> {
  const rows = await db().recording.findMany({
    where: { userId, interviewQuestion: { interviewId, interview: { userId } } },
    select: { ...summary, interviewQuestion: { select: { questionId: true } } },
  });
  return new Map(
    rows.map((row) => [
      row.interviewQuestion!.questionId,
      recordingView(row, { kind: "interview", interviewId, questionId: row.interviewQuestion!.questionId }),
    ]),
  );
}

/** The practice answer's recording (no audio), for the question page. */
export async function practiceRecording(userId: string, slug: string): Promise<RecordingView | null> {
  const row = await db().recording.findFirst({
    where: whereOwned(userId, { kind: "practice", slug }),
    select: summary,
  });
  return row && recordingView(row, { kind: "practice", slug });
}
