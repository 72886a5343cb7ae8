// What the browser expects back from the API routes it calls (lib/client/api.ts validates each 2xx body).
// Written with zod/mini: these load on every page that saves something, and classic zod would add about
// 26 KB gzip to first-load JS (the interview and question pages have budgets, bench/budgets.ts). They
// mirror the route handlers' answers documented in lib/http/openapi.ts.
import * as z from "zod/mini";

const int = () => z.number().check(z.int());
const heard = z.object({ concept: z.string(), phrase: z.string() });

/** next-auth's GET /api/auth/csrf. */
export const csrfAnswer = z.object({ csrfToken: z.string().check(z.minLength(1)) });
/** next-auth's credentials callback with json=true: `{ url }`, whose `error` parameter tells a failure. */
export const signInAnswer = z.object({ url: z.optional(z.string()) });
export const forgotPasswordAnswer = z.object({ message: z.string() });
export const endedSessionsAnswer = z.object({ ended: int() });

/** A PUT of an autosaved text (answer, note, practice draft). */
export const savedRevisionAnswer = z.object({ revision: int() });
/** 409 CONFLICT's `current` beside the error: the stored version. */
export const storedVersion = z.object({ content: z.string(), revision: int() });

/** Beside a 409 from POST /api/interviews: the timed interview already running. */
export const interviewInProgress = z.object({ inProgress: z.object({ id: z.string() }) });
/** GET /api/interviews?status=in_progress: what the header's marker of a running interview shows. */
export const runningInterviewsAnswer = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      mode: z.enum(["strict", "practice", "extended"]),
      startedAt: z.string(),
      deadlineAt: z.nullable(z.string()),
    }),
  ),
});
export const createdAnswer = z.object({ id: z.string().check(z.minLength(1)) });
export const createdSetAnswer = z.object({ id: z.string().check(z.minLength(1)), name: z.string() });
/** PUT /api/review/{slug} (queued by hand). */
export const reviewDueAnswer = z.object({ due: z.string() });
/** POST /api/review/{slug} (a rating): the next due date and each rating's next date from then. */
export const reviewRatedAnswer = z.object({
  due: z.string(),
  next: z.object({ again: z.string(), hard: z.string(), good: z.string(), easy: z.string() }),
});
export const practiceRatingAnswer = z.object({ queuedUntil: z.nullable(z.string()) });
export const practiceVersionAnswer = z.object({
  revision: int(),
  version: z.object({
    number: int(),
    content: z.string(),
    score: z.number(),
    coverage: z.array(
      z.object({
        point: z.string(),
        covered: z.boolean(),
        heard: z.array(heard),
        missing: z.array(z.string()),
        wrong: z.array(heard),
        named: z.array(heard),
      }),
    ),
    createdAt: z.string(),
  }),
});
export const importAnswer = z.object({
  imported: z.record(z.string(), z.number()),
  skippedQuestions: z.optional(z.array(z.string())),
});

/** GET /api/interviews/{id}: only the server's clock is read from it in the browser. */
export const serverNowAnswer = z.object({ serverNow: z.string() });
const pythonTest = z.object({
  name: z.string(),
  setup: z.optional(z.string()),
  call: z.string(),
  expected: z.optional(z.string()),
  raises: z.optional(z.string()),
  timeLimitMs: z.optional(int()),
});
const sqlTest = z.object({
  name: z.string(),
  setup: z.string(),
  expected: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.nullable(z.string()))) }),
  ordered: z.optional(z.boolean()),
});
/** GET /api/interviews/{id}/tests, once the interview has ended. */
export const testsToRunAnswer = z.object({
  questions: z.array(
    z.object({
      questionId: z.string(),
      code: z.string(),
      language: z.enum(["python", "sql"]),
      visibleTests: z.array(z.union([pythonTest, sqlTest])),
      hiddenTests: z.array(z.union([pythonTest, sqlTest])),
    }),
  ),
});

/** POST /api/questions/{slug}/report, PATCH /api/admin/reports/{id}, and a 409's `report`: a report as it stands. */
export const reportAnswer = z.object({
  id: z.string(),
  reason: z.enum(["wrong_answer", "unclear", "typo", "duplicate", "other"]),
  details: z.string(),
  status: z.enum(["open", "resolved", "dismissed"]),
  reply: z.nullable(z.string()),
  createdAt: z.string(),
  closedAt: z.nullable(z.string()),
});
export const reportConflict = z.object({ report: reportAnswer });

/** POST /api/admin/import: what a guide would change (a dry run) or changed. */
export const guideImportAnswer = z.object({
  dryRun: z.boolean(),
  source: z.string(),
  title: z.nullable(z.string()),
  repairedCharacters: int(),
  stats: z.object({ topics: int(), questions: int(), answered: int(), emptyAnswers: int(), unanswered: int() }),
  topics: z.array(z.object({ name: z.string(), questions: int() })),
  plan: z.object({
    topics: z.object({ create: z.array(z.string()), existing: z.array(z.string()) }),
    questions: z.object({ create: int(), update: int(), unchanged: int() }),
  }),
});
/** Beside a 400 from it: the guide's problems, line by line. */
export const guideProblems = z.object({ problems: z.array(z.object({ line: int(), message: z.string() })) });

const bankCounts = z.object({
  topics: z.object({ created: int(), updated: int(), keptEdited: int() }),
  companies: z.object({ created: int(), updated: int(), keptEdited: int() }),
  questions: z.object({
    created: int(),
    updated: int(),
    archived: int(),
    restored: int(),
    unchanged: int(),
    keptEdited: int(),
  }),
  problems: z.object({ created: int(), updated: int() }),
});
/** POST /api/admin/packs: what installing a pack would do (a dry run) or did. */
export const packPlanAnswer = z.object({
  dryRun: z.boolean(),
  name: z.string(),
  version: z.string(),
  report: bankCounts,
  keptTopics: z.array(z.string()),
  keptFormats: z.array(z.string()),
});
/** Beside a 400 from it: what keeps the pack out. */
export const packProblems = z.object({ problems: z.array(z.string()) });
/** PUT /api/admin/packs/{name}. */
export const packAnswer = z.object({ name: z.string(), disabled: z.boolean() });
/** A spoken answer's recording as the API describes it (lib/data/recordings.ts RecordingView). */
export const recordingView = z.object({
  url: z.string(),
  mimeType: z.string(),
  bytes: int(),
  createdAt: z.string(),
  transcribedBy: z.nullable(z.enum(["endpoint", "browser"])),
  figures: z.object({
    durationMs: int(),
    words: z.nullable(int()),
    wordsPerMinute: z.nullable(int()),
    longPauses: int(),
    longestPauseMs: int(),
    pace: z.nullable(z.enum(["slow", "comfortable", "fast"])),
  }),
});
/** PUT …/recording: the stored take, and the transcript for the editor (or why there is none). */
export const recordingAnswer = z.object({
  recording: recordingView,
  transcript: z.nullable(z.string()),
  transcriptError: z.nullable(z.string()),
});
/** POST …/feedback and /api/feedback/{id}/follow-up: the AI's feedback (lib/data/ai-feedback.ts FeedbackView). */
export const aiFeedbackAnswer = z.object({
  id: z.string(),
  parentId: z.nullable(z.string()),
  asked: z.string(),
  answer: z.string(),
  model: z.string(),
  createdAt: z.string(),
  output: z.object({
    keyPoints: z.array(
      z.object({
        point: int(),
        verdict: z.enum(["covered", "partly", "missing", "wrong"]),
        evidence: z.string(),
        comment: z.string(),
      }),
    ),
    missingOrWrong: z.array(z.string()),
    improved: z.nullable(z.object({ original: z.string(), better: z.string() })),
    followUp: z.string(),
  }),
});
/** POST /api/ai/tailor: the bank's topics a job description calls for, with why. */
export const tailoredAnswer = z.object({
  model: z.string(),
  topics: z.array(z.object({ slug: z.string(), name: z.string(), why: z.string() })),
});
/** POST /api/transcriptions: the text of a recording that is not kept. */
export const transcriptionAnswer = z.object({
  transcript: z.nullable(z.string()),
  transcriptError: z.nullable(z.string()),
});
