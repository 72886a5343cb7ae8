// The reasons of "Report a problem" and their words on the page. Free of zod: the question page's client
// component reads them (lib/schemas/responses.ts says why that matters).
export const REPORT_REASONS = ["wrong_answer", "unclear", "typo", "duplicate", "other"] as const;
export type ReportReasonName = (typeof REPORT_REASONS)[number];

export const REASON_LABELS: Record<ReportReasonName, string> = {
  wrong_answer: "The model answer is wrong",
  unclear: "The question is unclear",
  typo: "A typo or broken formatting",
  duplicate: "It duplicates another question",
  other: "Something else",
};

export const REPORT_DETAILS_MAX = 1_000;
export const REPLY_MAX = 1_000;
