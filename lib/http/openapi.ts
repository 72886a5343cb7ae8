// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with. Every route
// handler under app/api must be listed here: tests/unit/openapi.test.ts compares the two.
import { z } from "zod";
import packageJson from "@/package.json";
import { errorSchema, healthSchema } from "../schemas/api";
import {
  changePasswordSchema,
  endedSessionsSchema,
  endSessionsSchema,
  forgotPasswordAnswerSchema,
  forgotPasswordSchema,
  registeredSchema,
  registerSchema,
  resetPasswordSchema,
} from "../schemas/auth";
import {
  currentQuestionSchema,
  flagSchema,
  interviewListQuerySchema,
  interviewListSchema,
  interviewSchema,
  rateSchema,
  saveAnswerSchema,
  startInterviewSchema,
} from "../schemas/interviews";
import { deleteAccountSchema, exportQuerySchema } from "../schemas/account";
import { noteListQuerySchema, noteListSchema, noteSchema, saveNoteSchema } from "../schemas/notes";
import {
  practiceAnswerSchema,
  practiceRatingSchema,
  savePracticeDraftSchema,
  savePracticeVersionSchema,
} from "../schemas/practice";
import { reviewQueueSchema, reviewRateSchema, reviewRatedSchema } from "../schemas/review";
import {
  bookmarkListSchema,
  createSetSchema,
  setDetailSchema,
  setListSchema,
  setSummarySchema,
  updateSetSchema,
} from "../schemas/sets";
import { exportDocumentSchema, IMPORT_LIMITS } from "../schemas/export-document";
import { reportTestsSchema } from "../schemas/coding";
import { importQuerySchema } from "../schemas/guide-import";
import { packActionQuerySchema, packSchema, setPackStateSchema } from "../schemas/pack";
import { recordingQuerySchema } from "../schemas/recordings";
import { followUpAnswerSchema, tailorRequestSchema } from "../schemas/ai";
import {
  adminFormatSchema,
  adminTopicSchema,
  createTopicSchema,
  restoreContentSchema,
  saveFormatSchema,
  saveTopicSchema,
} from "../schemas/content-admin";
import {
  adminQuestionListQuerySchema,
  adminQuestionListSchema,
  archiveQuestionSchema,
  createQuestionSchema,
  editableQuestionSchema,
  restoreRevisionSchema,
  saveProblemSchema,
  saveQuestionSchema,
} from "../schemas/question-editor";
import {
  adminReportListQuerySchema,
  adminReportListSchema,
  closeReportSchema,
  createReportSchema,
  reportSchema,
} from "../schemas/reports";
import {
  companyDetailSchema,
  companyListSchema,
  questionDetailSchema,
  questionListQuerySchema,
  questionListSchema,
  topicListSchema,
} from "../schemas/questions";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation = {
  method: Method;
  path: string;
  summary: string;
  /** Longer prose: limits, formats. */
  description?: string;
  tags: string[];
  auth?: boolean;
  body?: z.ZodType | { form: Record<string, string> } | { text: string } | { binary: string[] };
  query?: z.ZodObject;
  pathParams?: string[];
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { description: errorDescriptions[code] ?? "Error", schema: errorSchema }]),
  );
/** Routes that refuse while the signed-in user's timed interview asks the question (lib/data/withheld.ts). */
const withheld = {
  409: {
    description:
      "`CONFLICT`: not available while your timed interview runs (`interview: { id, deadlineAt }`); it comes back when the interview ends",
    schema: errorSchema,
  },
};
const errorDescriptions: Record<number, string> = {
  400: "Invalid input; `fields` names each problem",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  413: "Body larger than 256 KB",
  415: "Body is not JSON",
  429: "Rate limited; see the Retry-After header",
  503: "Database unavailable",
};

export const operations: Operation[] = [
  {
    method: "post",
    path: "/api/transcriptions",
    summary: "Transcribe a recording that is not kept (a spoken answer to an AI follow-up question)",
    description:
      "The body is the audio (`audio/webm`, `audio/ogg` or `audio/mp4`, at most 4 MB). Only with `TRANSCRIBE_BASE_URL` set (404 otherwise); counts against the hourly transcription limit; a failure is a 200 with `transcriptError`.",
    tags: ["practice"],
    auth: true,
    body: { binary: ["audio/webm", "audio/ogg", "audio/mp4"] },
    responses: {
      200: { description: "`{ transcript, transcriptError }`" },
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "post",
    path: "/api/ai/tailor",
    summary:
      "Tailored practice: the bank's topics a job description calls for, each with why (only when AI_BASE_URL is set)",
    description:
      "Sends the job description (fenced as data) and the bank's topic names to the configured model; only topics the bank has are kept, at most six. Start the practice interview with `POST /api/interviews` and these `topics`: its questions come from the bank. Counts against the AI budget (429 with Retry-After); 503 to retry when the model fails; 400 when no topic matches.",
    tags: ["interviews"],
    auth: true,
    body: tailorRequestSchema,
    responses: {
      200: { description: "`{ model, topics: [{ slug, name, why }] }`" },
      ...errors(400, 401, 403, 404, 413, 415, 429, 503),
    },
  },
  {
    method: "post",
    path: "/api/feedback/{id}/follow-up",
    summary: "Answer the follow-up question of an AI feedback, and get the model's feedback on that answer",
    description: "The answer is fenced as data like any answer; the new feedback joins the thread under its parent.",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id"],
    body: followUpAnswerSchema,
    responses: {
      201: { description: "The feedback on the follow-up answer (as for an answer)" },
      ...errors(400, 401, 403, 404, 413, 415, 429, 503),
    },
  },
  {
    method: "get",
    path: "/api/health",
    summary: "Liveness and database reachability",
    tags: ["system"],
    responses: {
      200: { description: "Up", schema: healthSchema },
      503: { description: "Database down", schema: healthSchema },
    },
  },
  {
    method: "get",
    path: "/api/ping",
    summary: "Liveness without the database: a constant `{ ok: true }`",
    tags: ["system"],
    responses: { 200: { description: "Up" } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    tags: ["system"],
    responses: { 200: { description: "OpenAPI 3.1 document" } },
  },
  {
    method: "post",
    path: "/api/auth/register",
    summary: "Create an account with email and password",
    tags: ["auth"],
    body: registerSchema,
    responses: { 201: { description: "Created", schema: registeredSchema }, ...errors(400, 409, 413, 415, 429) },
  },
  {
    method: "get",
    path: "/api/auth/csrf",
    summary: "CSRF token for the sign-in form (next-auth)",
    tags: ["auth"],
    responses: { 200: { description: "`{ csrfToken }`, with the matching cookie" } },
  },
  {
    method: "post",
    path: "/api/auth/callback/credentials",
    summary: "Sign in with email and password (next-auth)",
    tags: ["auth"],
    body: { form: { csrfToken: "string", email: "string", password: "string", callbackUrl: "string", json: "string" } },
    responses: {
      200: { description: "With `json=true`: `{ url }`; an `error` query parameter in it means the sign-in failed" },
      302: { description: "Signed in (session cookie set), or redirected to /sign-in?error=CredentialsSignin" },
      429: {
        description:
          "This client address failed too often for this account, or for all accounts: wait Retry-After seconds (growing delays)",
        schema: errorSchema,
      },
    },
  },
  {
    method: "get",
    path: "/api/auth/session",
    summary: "The current session (next-auth)",
    tags: ["auth"],
    responses: {
      200: { description: "`{ user, expires }`, or `{}` when signed out (a cookie whose session ended is cleared)" },
    },
  },
  {
    method: "get",
    path: "/api/auth/providers",
    summary: "Configured sign-in providers (next-auth)",
    tags: ["auth"],
    responses: { 200: { description: "Providers by id" } },
  },
  {
    method: "post",
    path: "/api/auth/signout",
    summary: "Sign out (next-auth; form with csrfToken)",
    tags: ["auth"],
    body: { form: { csrfToken: "string", callbackUrl: "string" } },
    responses: {
      302: { description: "Signed out: the session ends on the server and its cookie is cleared" },
      ...errors(503),
    },
  },
  {
    method: "get",
    path: "/api/questions",
    summary: "Browse and search the question bank (keyset pagination)",
    tags: ["questions"],
    query: questionListQuerySchema,
    responses: {
      200: {
        description:
          "A page of questions with facet counts. A search puts the questions holding every word first and fills the page with the best partial matches (marked partial); it says what was searched, how it matched, and the corrected words it searched instead",
        schema: questionListSchema,
      },
      ...errors(400),
    },
  },
  {
    method: "get",
    path: "/api/questions/{slug}",
    summary: "One question with its model answer and key points",
    tags: ["questions"],
    pathParams: ["slug"],
    responses: {
      200: { description: "The question", schema: questionDetailSchema },
      301: { description: "The question was merged into another: `Location` is the kept question's address" },
      ...errors(404),
    },
  },
  {
    method: "get",
    path: "/api/topics",
    summary: "Topics with their question counts",
    tags: ["questions"],
    responses: { 200: { description: "Topics", schema: topicListSchema } },
  },
  {
    method: "get",
    path: "/api/companies",
    summary: "Company practice profiles",
    tags: ["companies"],
    responses: { 200: { description: "Profiles", schema: companyListSchema } },
  },
  {
    method: "get",
    path: "/api/companies/{slug}",
    summary: "One company practice profile",
    tags: ["companies"],
    pathParams: ["slug"],
    responses: { 200: { description: "The profile", schema: companyDetailSchema }, ...errors(404) },
  },
  {
    method: "get",
    path: "/api/interviews",
    summary: "Your interviews, newest first",
    tags: ["interviews"],
    auth: true,
    query: interviewListQuerySchema,
    responses: { 200: { description: "A page of interviews", schema: interviewListSchema }, ...errors(400, 401) },
  },
  {
    method: "post",
    path: "/api/interviews",
    summary: "Start a mock interview (no model answers while it runs)",
    tags: ["interviews"],
    auth: true,
    body: startInterviewSchema,
    responses: {
      201: {
        description:
          "`{ id, status, mode, deadlineAt (null in practice mode), serverNow, questions: [{ id, slug, title, prompt, kind }] }`",
      },
      ...errors(400, 401, 403, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/interviews/{id}",
    summary: "One of your interviews, with its answers; `review` once it has ended",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id"],
    responses: { 200: { description: "The interview", schema: interviewSchema }, ...errors(401, 404) },
  },
  {
    method: "post",
    path: "/api/interviews/{id}/answers/{questionId}/feedback",
    summary: "AI feedback on an answer of an ended interview (only when AI_BASE_URL is set; 404 otherwise)",
    description:
      "Sends the question, its key points, the reference answer and an answer of an ended interview (fenced as data) to the configured OpenAI-compatible chat model and keeps its structured answer: a verdict per key point with quoted evidence (a verdict that quotes nothing from the answer is not kept as covered), what is missing or wrong, one better sentence, and one follow-up question. Beside the rubric's score, never instead of it. One request at a time per user and `AI_DAILY_LIMIT` a day (429 with Retry-After); a model that fails, times out or answers off-schema is a 503 to retry. 409 while the interview runs.",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    responses: {
      201: {
        description:
          "`{ id, parentId, asked, answer, output: { keyPoints, missingOrWrong, improved, followUp }, model, createdAt }`",
      },
      ...errors(400, 401, 403, 404, 409, 429, 503),
    },
  },
  {
    method: "put",
    path: "/api/interviews/{id}/answers/{questionId}/recording",
    summary:
      "Record a spoken interview answer: the audio as the body; transcribed when a transcription endpoint is configured",
    description:
      "The body is the recording as MediaRecorder made it (`audio/webm`, `audio/ogg` or `audio/mp4`, at most 4 MB and 5 minutes); `durationMs`, the silences the browser measured (`pauses=startMs:lengthMs,…`) and, when the browser's own speech recognition transcribed it, `browserWords` are in the query. It replaces the answer's earlier recording. With `TRANSCRIBE_BASE_URL` set (and no `browserWords`) the audio is sent there and the transcript comes back for the editor; a failed transcription keeps the recording and says why in `transcriptError`.",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    query: recordingQuerySchema,
    body: { binary: ["audio/webm", "audio/ogg", "audio/mp4"] },
    responses: {
      200: {
        description:
          "`{ recording: { url, mimeType, bytes, createdAt, transcribedBy, figures }, transcript, transcriptError }`",
      },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/interviews/{id}/answers/{questionId}/recording",
    summary: "Play back your recording of this interview answer (owner-only, never cached by shared caches)",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    responses: { 200: { description: "The audio, with its media type" }, ...errors(401, 404) },
  },
  {
    method: "delete",
    path: "/api/interviews/{id}/answers/{questionId}/recording",
    summary: "Delete your recording of this interview answer",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 409) },
  },
  {
    method: "put",
    path: "/api/interviews/{id}/answers/{questionId}",
    summary: "Autosave an answer at the revision you last saw",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    body: saveAnswerSchema,
    responses: {
      200: { description: "`{ revision, updatedAt }`" },
      409: {
        description:
          "`CONFLICT` with `current: { content, revision }` (stale revision), or `TIME_UP` (deadline passed or interview ended; nothing stored changes)",
        schema: errorSchema,
      },
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "put",
    path: "/api/interviews/{id}/answers/{questionId}/flag",
    summary: "Flag a question to come back to, while the interview runs",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    body: flagSchema,
    responses: {
      200: { description: "`{ flagged }`" },
      409: {
        description: "`CONFLICT`: the interview has ended; flags are part of its record and stay as they were",
        schema: errorSchema,
      },
      ...errors(400, 401, 403, 404),
    },
  },
  {
    method: "put",
    path: "/api/interviews/{id}/current",
    summary: "Remember the question you have open, so a reload or another device opens on it",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id"],
    body: currentQuestionSchema,
    responses: {
      200: { description: "`{ questionId }`" },
      409: { description: "`CONFLICT`: the interview has ended", schema: errorSchema },
      ...errors(400, 401, 403, 404, 415),
    },
  },
  {
    method: "put",
    path: "/api/interviews/{id}/answers/{questionId}/rating",
    summary: "Rate your answer after the interview (a review-time field: it never changes the score)",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    body: rateSchema,
    responses: { 200: { description: "`{ rating }`" }, ...errors(400, 401, 403, 404, 409) },
  },
  {
    method: "post",
    path: "/api/interviews/{id}/finish",
    summary: "Finish and get the review (finishing twice is harmless)",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id"],
    responses: {
      200: { description: "The interview with its review", schema: interviewSchema },
      ...errors(401, 403, 404),
    },
  },
  {
    method: "get",
    path: "/api/interviews/{id}/tests",
    summary: "An ended interview's coding answers with all their tests, hidden ones included, to run in the browser",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id"],
    responses: {
      200: { description: "`{ questions: [{ questionId, code, visibleTests, hiddenTests }] }`" },
      ...errors(401, 404, 409),
    },
  },
  {
    method: "put",
    path: "/api/interviews/{id}/answers/{questionId}/tests",
    summary: "Report a coding answer's test results (self-reported by the browser; scores the answer)",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id", "questionId"],
    body: reportTestsSchema,
    responses: { 200: { description: "`{ passed, total, score }`" }, ...errors(400, 401, 403, 404, 409, 413, 415) },
  },
  {
    method: "post",
    path: "/api/interviews/{id}/abandon",
    summary: "Abandon an interview in progress",
    tags: ["interviews"],
    auth: true,
    pathParams: ["id"],
    responses: { 200: { description: "The interview", schema: interviewSchema }, ...errors(401, 403, 404) },
  },
  {
    method: "get",
    path: "/api/notes",
    summary: "Your notes: ranked full-text search with snippets, or newest edit first",
    tags: ["notes"],
    auth: true,
    query: noteListQuerySchema,
    responses: { 200: { description: "A page of notes", schema: noteListSchema }, ...errors(400, 401) },
  },
  {
    method: "get",
    path: "/api/questions/{slug}/note",
    summary: "Your note on a question",
    tags: ["notes"],
    auth: true,
    pathParams: ["slug"],
    responses: { 200: { description: "The note", schema: noteSchema }, ...errors(401, 404) },
  },
  {
    method: "put",
    path: "/api/questions/{slug}/note",
    summary: "Create or autosave your note at the revision you last saw (0 to create)",
    tags: ["notes"],
    auth: true,
    pathParams: ["slug"],
    body: saveNoteSchema,
    responses: {
      200: { description: "The saved note", schema: noteSchema },
      409: {
        description: "`CONFLICT` with `current: { content, revision }`: the note changed elsewhere",
        schema: errorSchema,
      },
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "delete",
    path: "/api/questions/{slug}/note",
    summary: "Delete your note on a question",
    tags: ["notes"],
    auth: true,
    pathParams: ["slug"],
    responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404) },
  },
  {
    method: "post",
    path: "/api/questions/{slug}/practice/feedback",
    summary: "AI feedback on the practice answer's latest saved version (only when AI_BASE_URL is set; 404 otherwise)",
    description:
      "Sends the question, its key points, the reference answer and the practice answer's latest saved version (fenced as data) to the configured OpenAI-compatible chat model and keeps its structured answer: a verdict per key point with quoted evidence (a verdict that quotes nothing from the answer is not kept as covered), what is missing or wrong, one better sentence, and one follow-up question. Beside the rubric's score, never instead of it. One request at a time per user and `AI_DAILY_LIMIT` a day (429 with Retry-After); a model that fails, times out or answers off-schema is a 503 to retry. 400 before a first save.",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    responses: {
      201: {
        description:
          "`{ id, parentId, asked, answer, output: { keyPoints, missingOrWrong, improved, followUp }, model, createdAt }`",
      },
      ...errors(400, 401, 403, 404, 409, 429, 503),
    },
  },
  {
    method: "put",
    path: "/api/questions/{slug}/practice/recording",
    summary:
      "Record a spoken practice answer: the audio as the body; transcribed when a transcription endpoint is configured",
    description:
      "The body is the recording as MediaRecorder made it (`audio/webm`, `audio/ogg` or `audio/mp4`, at most 4 MB and 5 minutes); `durationMs`, the silences the browser measured (`pauses=startMs:lengthMs,…`) and, when the browser's own speech recognition transcribed it, `browserWords` are in the query. It replaces the answer's earlier recording. With `TRANSCRIBE_BASE_URL` set (and no `browserWords`) the audio is sent there and the transcript comes back for the editor; a failed transcription keeps the recording and says why in `transcriptError`.",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    query: recordingQuerySchema,
    body: { binary: ["audio/webm", "audio/ogg", "audio/mp4"] },
    responses: {
      200: {
        description:
          "`{ recording: { url, mimeType, bytes, createdAt, transcribedBy, figures }, transcript, transcriptError }`",
      },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/questions/{slug}/practice/recording",
    summary: "Play back your recording of this practice answer (owner-only, never cached by shared caches)",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    responses: { 200: { description: "The audio, with its media type" }, ...errors(401, 404) },
  },
  {
    method: "delete",
    path: "/api/questions/{slug}/practice/recording",
    summary: "Delete your recording of this practice answer",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 409) },
  },
  {
    method: "get",
    path: "/api/questions/{slug}/practice",
    summary: "Your practice answer: draft, rating, the newest 50 saved versions and how many there are",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    responses: {
      200: { description: "The practice answer (empty if none)", schema: practiceAnswerSchema },
      ...withheld,
      ...errors(401, 404),
    },
  },
  {
    method: "put",
    path: "/api/questions/{slug}/practice",
    summary: "Autosave the practice draft at the revision you last saw",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    body: savePracticeDraftSchema,
    responses: {
      200: { description: "`{ revision, updatedAt }`" },
      409: {
        description:
          "`CONFLICT` with `current: { content, revision }`, or the question is in your running timed interview (`interview: { id, deadlineAt }`)",
        schema: errorSchema,
      },
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "post",
    path: "/api/questions/{slug}/practice/versions",
    summary: "Save a version of your answer, scored against the key points",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    body: savePracticeVersionSchema,
    responses: {
      201: { description: "`{ revision, version: { number, content, score, coverage, createdAt } }`" },
      ...withheld,
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "put",
    path: "/api/questions/{slug}/practice/rating",
    summary: "Rate yourself on a question (Again/Hard queue it for revision)",
    tags: ["practice"],
    auth: true,
    pathParams: ["slug"],
    body: practiceRatingSchema,
    responses: { 200: { description: "`{ rating, queuedUntil }`" }, ...withheld, ...errors(400, 401, 403, 404) },
  },
  {
    method: "put",
    path: "/api/questions/{slug}/bookmark",
    summary: "Bookmark a question",
    tags: ["bookmarks"],
    auth: true,
    pathParams: ["slug"],
    responses: { 200: { description: "`{ bookmarked: true }`" }, ...errors(401, 403, 404) },
  },
  {
    method: "delete",
    path: "/api/questions/{slug}/bookmark",
    summary: "Remove a bookmark",
    tags: ["bookmarks"],
    auth: true,
    pathParams: ["slug"],
    responses: { 200: { description: "`{ bookmarked: false }`" }, ...errors(401, 403, 404) },
  },
  {
    method: "post",
    path: "/api/questions/{slug}/report",
    summary: "Report a problem with a question (one open report per question; 10 an hour)",
    description:
      "An admin resolves or dismisses it with a reply, shown on the question page. While your report is open, another is a 409 carrying it (`report`).",
    tags: ["reports"],
    auth: true,
    pathParams: ["slug"],
    body: createReportSchema,
    responses: {
      201: { description: "The report", schema: reportSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415, 429),
    },
  },
  {
    method: "post",
    path: "/api/admin/import",
    summary: "Admins: import a markdown guide (a dry run by default)",
    description:
      "The body is the guide (`text/markdown`, at most 5 MB), in the shape `npm run import` reads. `dryRun=true` reports what would be created without writing; `dryRun=false` imports in one transaction. A guide with problems is a 400 with `problems: [{ line, message }]`, and nothing is written.",
    tags: ["admin"],
    auth: true,
    query: importQuerySchema,
    body: { text: "text/markdown" },
    responses: {
      200: { description: "`{ dryRun, source, title, stats, topics, plan }`" },
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/admin/questions",
    summary: "Admins: every question, live and archived, by slug (words of the title or slug)",
    tags: ["admin"],
    auth: true,
    query: adminQuestionListQuerySchema,
    responses: { 200: { description: "Questions", schema: adminQuestionListSchema }, ...errors(400, 401, 404) },
  },
  {
    method: "post",
    path: "/api/admin/questions",
    summary: "Admins: create a written question with its rubric",
    description: "Validated with the content schemas the seed loader uses; a slug in use is a 409.",
    tags: ["admin"],
    auth: true,
    body: createQuestionSchema,
    responses: {
      201: { description: "The question as the editor shows it", schema: editableQuestionSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/admin/questions/{slug}",
    summary: "Admins: a question's editable fields, its revision and its history",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug"],
    responses: { 200: { description: "The question", schema: editableQuestionSchema }, ...errors(401, 404) },
  },
  {
    method: "put",
    path: "/api/admin/questions/{slug}",
    summary: "Admins: save a question (a new revision)",
    description:
      "Send the `revision` you loaded; if someone saved since, the answer is a 409 with the question as it is now (`current`).",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug"],
    body: saveQuestionSchema,
    responses: {
      200: { description: "The saved question", schema: editableQuestionSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "put",
    path: "/api/admin/questions/{slug}/archive",
    summary: "Admins: archive a question or bring it back (it stays readable in users' history)",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug"],
    body: archiveQuestionSchema,
    responses: {
      200: { description: "The question", schema: editableQuestionSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "put",
    path: "/api/admin/questions/{slug}/problem",
    summary: "Admins: save a coding problem's starter, reference solution, wrong solutions and (Python) tests",
    description:
      'A new revision, like a question save (`revision`, 409 with `current`). The editor sends it only after its "Run all" passed in the browser: the reference passes every test, the starter and each wrong solution fail one. A SQL problem\'s tests are edited in seed/problems.',
    tags: ["admin"],
    auth: true,
    pathParams: ["slug"],
    body: saveProblemSchema,
    responses: {
      200: { description: "The question", schema: editableQuestionSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "post",
    path: "/api/admin/questions/{slug}/revisions/{number}/restore",
    summary: "Admins: make an earlier revision the current content (recorded as a new revision)",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug", "number"],
    body: restoreRevisionSchema,
    responses: {
      200: { description: "The question", schema: editableQuestionSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/admin/topics",
    summary: "Admins: the topics, in order, with their live questions counted",
    tags: ["admin"],
    auth: true,
    responses: { 200: { description: "`{ items: AdminTopic[] }`" }, ...errors(401, 404) },
  },
  {
    method: "post",
    path: "/api/admin/topics",
    summary: "Admins: add a topic",
    tags: ["admin"],
    auth: true,
    body: createTopicSchema,
    responses: {
      201: { description: "The topic", schema: adminTopicSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "put",
    path: "/api/admin/topics/{slug}",
    summary: "Admins: rename or reorder a topic",
    description: "Send the `updatedAt` you loaded; a save since is a 409 with the topic as it is now (`current`).",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug"],
    body: saveTopicSchema,
    responses: {
      200: { description: "The topic", schema: adminTopicSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "put",
    path: "/api/admin/formats/{slug}",
    summary: "Admins: edit an interview format (company profile)",
    description:
      "Topic weights are relative (each topic's share is its weight over their sum); the difficulty mix adds up to 1. Send the `updatedAt` you loaded; a save since is a 409 with `current`.",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug"],
    body: saveFormatSchema,
    responses: {
      200: { description: "The interview format", schema: adminFormatSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/admin/packs",
    summary: "Admins: the built-in and installed content packs with their questions counted, and questions in no pack",
    tags: ["admin"],
    auth: true,
    responses: { 200: { description: "`{ items: Pack[], unpacked: { source, live }[] }`" }, ...errors(401, 404) },
  },
  {
    method: "post",
    path: "/api/admin/packs",
    summary: "Admins: install or update a content pack (a dry run by default)",
    description:
      "The body is the pack file (the `ContentPack` schema; at most 10 MB, 5,000 questions, 500 problems, 100 topics, 50 formats). `dryRun=true` reports what would be created, updated and archived without writing. A pack adds topics and formats but never changes existing ones; a question slug of another source, or a reference to a topic or format that neither the pack nor the bank holds, is a 400 with `problems`.",
    tags: ["admin"],
    auth: true,
    query: packActionQuerySchema,
    body: packSchema,
    responses: {
      200: { description: "`{ dryRun, name, version, report, keptTopics, keptFormats }`" },
      ...errors(400, 401, 403, 404, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/admin/packs/{name}",
    summary: "Admins: a pack as a file: an installed one as installed, a built-in one as the bank holds it now",
    tags: ["admin"],
    auth: true,
    pathParams: ["name"],
    responses: { 200: { description: "A `ContentPack` (attachment)" }, ...errors(401, 404) },
  },
  {
    method: "put",
    path: "/api/admin/packs/{name}",
    summary: "Admins: disable a pack (its questions are archived) or enable it again",
    description:
      "Enabling an installed pack installs its stored file again; enabling a built-in one loads `seed/` again and brings back the questions its disabling archived, edited ones too.",
    tags: ["admin"],
    auth: true,
    pathParams: ["name"],
    body: setPackStateSchema,
    responses: { 200: { description: "The pack" }, ...errors(400, 401, 403, 404, 413, 415) },
  },
  {
    method: "get",
    path: "/api/admin/export",
    summary: "Admins: the whole bank as one content pack file, to download",
    tags: ["admin"],
    auth: true,
    responses: { 200: { description: "A `ContentPack` (attachment)" }, ...errors(401, 404) },
  },
  {
    method: "post",
    path: "/api/admin/topics/{slug}/revisions/{number}/restore",
    summary: "Admins: make a topic's earlier revision its name and order again (a new revision)",
    description: "Send the topic's `updatedAt` as you loaded it; a save since is a 409 with `current`.",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug", "number"],
    body: restoreContentSchema,
    responses: {
      200: { description: "The topic", schema: adminTopicSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "post",
    path: "/api/admin/formats/{slug}/revisions/{number}/restore",
    summary: "Admins: make an interview format's earlier revision current again (a new revision)",
    description: "Send the format's `updatedAt` as you loaded it; a save since is a 409 with `current`.",
    tags: ["admin"],
    auth: true,
    pathParams: ["slug", "number"],
    body: restoreContentSchema,
    responses: {
      200: { description: "The format", schema: adminFormatSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/admin/reports",
    summary: "Admins: the report queue (open ones oldest first, or closed ones latest first)",
    tags: ["admin"],
    auth: true,
    query: adminReportListQuerySchema,
    responses: { 200: { description: "Reports", schema: adminReportListSchema }, ...errors(400, 401, 404) },
  },
  {
    method: "patch",
    path: "/api/admin/reports/{id}",
    summary: "Admins: resolve or dismiss a report with a reply to its author",
    description: "A report already closed is a 409 carrying it as it is (`report`).",
    tags: ["admin"],
    auth: true,
    pathParams: ["id"],
    body: closeReportSchema,
    responses: {
      200: { description: "The closed report", schema: reportSchema },
      ...errors(400, 401, 403, 404, 409, 413, 415),
    },
  },
  {
    method: "get",
    path: "/api/bookmarks",
    summary: "Your bookmarked questions, newest first",
    tags: ["bookmarks"],
    auth: true,
    responses: { 200: { description: "Bookmarks", schema: bookmarkListSchema }, ...errors(401) },
  },
  {
    method: "get",
    path: "/api/sets",
    summary: "Your question sets",
    tags: ["sets"],
    auth: true,
    responses: { 200: { description: "Sets", schema: setListSchema }, ...errors(401) },
  },
  {
    method: "post",
    path: "/api/sets",
    summary: "Create a set (at most 200 per user)",
    tags: ["sets"],
    auth: true,
    body: createSetSchema,
    responses: { 201: { description: "The set", schema: setSummarySchema }, ...errors(400, 401, 403, 409, 413, 415) },
  },
  {
    method: "get",
    path: "/api/sets/{id}",
    summary: "One of your sets with its questions",
    tags: ["sets"],
    auth: true,
    pathParams: ["id"],
    responses: { 200: { description: "The set", schema: setDetailSchema }, ...errors(401, 404) },
  },
  {
    method: "patch",
    path: "/api/sets/{id}",
    summary: "Rename a set or change its description",
    tags: ["sets"],
    auth: true,
    pathParams: ["id"],
    body: updateSetSchema,
    responses: { 200: { description: "The set", schema: setDetailSchema }, ...errors(400, 401, 403, 404, 415) },
  },
  {
    method: "delete",
    path: "/api/sets/{id}",
    summary: "Delete a set (its questions stay in the bank)",
    tags: ["sets"],
    auth: true,
    pathParams: ["id"],
    responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404) },
  },
  {
    method: "put",
    path: "/api/sets/{id}/questions/{slug}",
    summary: "Add a question to a set",
    tags: ["sets"],
    auth: true,
    pathParams: ["id", "slug"],
    responses: { 200: { description: "`{ added: true }`" }, ...errors(401, 403, 404, 409) },
  },
  {
    method: "delete",
    path: "/api/sets/{id}/questions/{slug}",
    summary: "Remove a question from a set",
    tags: ["sets"],
    auth: true,
    pathParams: ["id", "slug"],
    responses: { 204: { description: "Removed" }, ...errors(401, 403, 404) },
  },
  {
    method: "post",
    path: "/api/sets/{id}/interview",
    summary: "Start a practice interview (no clock) from a set, at most 20 questions",
    tags: ["sets"],
    auth: true,
    pathParams: ["id"],
    responses: { 201: { description: "`{ id }` of the new interview" }, ...errors(400, 401, 403, 404) },
  },
  {
    method: "get",
    path: "/api/review",
    summary: "Your revision queue: what is due by the end of today (your time zone)",
    tags: ["review"],
    auth: true,
    responses: { 200: { description: "The queue", schema: reviewQueueSchema }, ...errors(401) },
  },
  {
    method: "post",
    path: "/api/review/{slug}",
    summary: "Rate a queued question; FSRS schedules its next review",
    tags: ["review"],
    auth: true,
    pathParams: ["slug"],
    body: reviewRateSchema,
    responses: {
      200: { description: "The next due date, and each rating's next date from then", schema: reviewRatedSchema },
      ...errors(400, 401, 403, 404, 415),
    },
  },
  {
    method: "put",
    path: "/api/review/{slug}",
    summary: "Add a question to your revision queue",
    tags: ["review"],
    auth: true,
    pathParams: ["slug"],
    responses: { 200: { description: "`{ queued: true, due }`" }, ...errors(401, 403, 404) },
  },
  {
    method: "delete",
    path: "/api/review/{slug}",
    summary: "Remove a question from your revision queue",
    tags: ["review"],
    auth: true,
    pathParams: ["slug"],
    responses: { 204: { description: "Removed" }, ...errors(401, 403, 404) },
  },
  {
    method: "get",
    path: "/api/me/export",
    summary: "Download everything you own: `format=json` (importable) or `format=markdown`",
    tags: ["account"],
    auth: true,
    description:
      "The body is streamed while the database is read in batches; JSON has one row per line. A failure after the first byte ends the download short.",
    query: exportQuerySchema,
    responses: {
      200: {
        description: "An attachment, streamed; the JSON follows the ExportDocument schema",
        schema: exportDocumentSchema,
      },
      ...withheld,
      429: {
        description: "A download of yours is still being written, or four are on this server; see Retry-After",
        schema: errorSchema,
      },
      ...errors(400, 401),
    },
  },
  {
    method: "post",
    path: "/api/me/import",
    summary: `Load a JSON export into an empty account (${IMPORT_LIMITS.bytes / 2 ** 20} MB at most)`,
    tags: ["account"],
    auth: true,
    description:
      `All or nothing. Every row is checked with the rules of the route that creates it; 400 names each bad field by path (e.g. ` +
      "`interviews.12.questions.3.position`, at most 20). Limits (413 beyond, naming the limit): " +
      `${IMPORT_LIMITS.bytes / 2 ** 20} MB, ${IMPORT_LIMITS.interviews.toLocaleString("en-US")} interviews with ${IMPORT_LIMITS.interviewAnswers.toLocaleString("en-US")} answers in all, ` +
      `${IMPORT_LIMITS.practiceAnswers.toLocaleString("en-US")} practice answers with ${IMPORT_LIMITS.practiceVersions.toLocaleString("en-US")} versions in all (1,000 each), ` +
      `${IMPORT_LIMITS.notes.toLocaleString("en-US")} notes, ${IMPORT_LIMITS.bookmarks.toLocaleString("en-US")} bookmarks, ${IMPORT_LIMITS.sets} sets of up to 500 questions, ` +
      `${IMPORT_LIMITS.reviewCards.toLocaleString("en-US")} review cards and ${IMPORT_LIMITS.reviewLog.toLocaleString("en-US")} review ratings; each text 100 KB. ` +
      "Rows naming a question this bank lacks are skipped and listed (up to 100). One import runs at a time per server: 429 with Retry-After otherwise.",
    body: exportDocumentSchema,
    responses: {
      201: {
        description:
          "`{ imported: { interviews, practiceAnswers, notes, bookmarks, sets, reviewCards, reviewLog }, skippedQuestions: [slug] }`",
      },
      413: { description: "Over a limit: the message names it and the count found", schema: errorSchema },
      429: { description: "Another import is running on this server; see Retry-After", schema: errorSchema },
      503: { description: "The database is unavailable; see Retry-After", schema: errorSchema },
      ...errors(400, 401, 403, 409, 415),
    },
  },
  {
    method: "delete",
    path: "/api/me",
    summary: "Delete your account and everything it owns (password, or a sign-in within 10 minutes)",
    tags: ["account"],
    auth: true,
    body: deleteAccountSchema,
    responses: { 204: { description: "Deleted; sign out afterwards" }, ...errors(400, 401, 403, 415) },
  },
  {
    method: "put",
    path: "/api/me/password",
    summary: "Change your password (the current one is required); your other sessions end",
    tags: ["account"],
    auth: true,
    body: changePasswordSchema,
    responses: {
      200: { description: "`{ ok: true }`" },
      400: {
        description: "Invalid input, or `fields.currentPassword` when the current password is wrong",
        schema: errorSchema,
      },
      409: { description: "The account signs in with GitHub or Google and has no password", schema: errorSchema },
      429: { description: "5 attempts per 15 minutes per account; see the Retry-After header", schema: errorSchema },
      ...errors(401, 403, 413, 415),
    },
  },
  {
    method: "delete",
    path: "/api/me/sessions",
    summary: "Sign out everywhere: end all your sessions (`all`, this one too) or all others (`others`)",
    tags: ["account"],
    auth: true,
    body: endSessionsSchema,
    responses: {
      200: {
        description: "How many sessions ended; with `all`, the session cookie is cleared",
        schema: endedSessionsSchema,
      },
      ...errors(400, 401, 403, 413, 415),
    },
  },
  {
    method: "post",
    path: "/api/auth/forgot-password",
    summary: "Email a password reset link (the same answer whether or not the address has an account)",
    tags: ["auth"],
    body: forgotPasswordSchema,
    responses: {
      202: {
        description: "Accepted; a link (valid 30 minutes, once) is emailed if the address has an account",
        schema: forgotPasswordAnswerSchema,
      },
      404: {
        description:
          "This server sends no email (SMTP_URL unset): an administrator prints links with `npm run user -- reset-link`",
        schema: errorSchema,
      },
      ...errors(400, 403, 413, 415, 429, 503),
    },
  },
  {
    method: "post",
    path: "/api/auth/reset-password",
    summary: "Set a new password with a reset link's token; every session of the account ends",
    tags: ["auth"],
    body: resetPasswordSchema,
    responses: {
      200: { description: "`{ ok: true }`; sign in with the new password" },
      400: {
        description: "Invalid input, or `fields.token` when the link is unknown, used or expired",
        schema: errorSchema,
      },
      ...errors(403, 413, 415, 429),
    },
  },
];

/** One OpenAPI parameter per property of a query schema (all optional: every filter has a default). */
function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    $defs?: Record<string, { properties?: Record<string, unknown> }>;
  };
  const properties = json.properties ?? Object.values(json.$defs ?? {})[0]?.properties ?? {};
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

function schemaRef(schema: z.ZodType, components: Record<string, unknown>, io: "input" | "output") {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  const defs = (json.$defs ?? {}) as Record<string, unknown>;
  for (const [name, def] of Object.entries(defs)) components[name] = def;
  delete json.$defs;
  delete json.$schema;
  const ref = typeof json.$ref === "string" ? json.$ref.replace("#/$defs/", "#/components/schemas/") : undefined;
  return ref ? { $ref: ref } : json;
}

export function openApiDocument() {
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const body = op.body
      ? "binary" in op.body
        ? Object.fromEntries(op.body.binary.map((type) => [type, { schema: { type: "string", format: "binary" } }]))
        : "text" in op.body
          ? { [op.body.text]: { schema: { type: "string" } } }
          : "form" in op.body
            ? {
                "application/x-www-form-urlencoded": {
                  schema: {
                    type: "object",
                    properties: Object.fromEntries(Object.keys(op.body.form).map((k) => [k, { type: "string" }])),
                  },
                },
              }
            : { "application/json": { schema: schemaRef(op.body as z.ZodType, schemas, "input") } }
      : undefined;
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...(op.query ? queryParameters(op.query) : []),
    ];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      tags: op.tags,
      ...(op.auth ? { security: [{ session: [] }] } : {}),
      ...(body ? { requestBody: { required: true, content: body } } : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema
              ? { content: { "application/json": { schema: schemaRef(r.schema, schemas, "output") } } }
              : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Mockroom API",
      version: packageJson.version,
      description: "Errors always answer `{ error: { code, message, fields? } }`.",
    },
    paths,
    components: {
      schemas,
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } },
    },
  };
}
