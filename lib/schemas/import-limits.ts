// The limits of POST /api/me/import, apart from the schemas so the account page can check a file's size
// without loading them.
import { MAX_SETS } from "./sets";

/**
 * What one import may hold; more is refused with 413 naming the limit. About 2.5 times the heaviest account
 * reported (issue #19: 2,000 interviews, 9,450 practice versions, 50,000 review ratings); the importer's memory
 * does not grow with them (it writes in batches), they bound its time and the account's size.
 */
export const IMPORT_LIMITS = {
  bytes: 64 * 1024 * 1024,
  interviews: 5_000,
  interviewAnswers: 50_000,
  practiceAnswers: 5_000,
  practiceVersions: 20_000,
  notes: 5_000,
  bookmarks: 5_000,
  sets: MAX_SETS,
  reviewCards: 5_000,
  reviewLog: 100_000,
} as const;
