// "Report a problem" on a question, and an admin's answer to it (issue #24). Routes parse with these;
// lib/http/openapi.ts documents them.
import { z } from "zod";
import { cursorSchema } from "./fields";
import { REPLY_MAX, REPORT_DETAILS_MAX, REPORT_REASONS } from "./report-reasons";

export { REPORT_REASONS, type ReportReasonName } from "./report-reasons";

/** Plain text a person typed: trimmed, not empty, bounded, no NUL (PostgreSQL text cannot hold it). */
const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, `Say what ${what === "A reply" ? "you did" : "is wrong"}.`)
    .max(max, `${what} is at most ${max} characters.`)
    .refine((value) => !value.includes("\u0000"), `${what} cannot hold a NUL character.`);

export const createReportSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: `reason must be one of ${REPORT_REASONS.join(", ")}.` }),
    details: text("The description", REPORT_DETAILS_MAX),
  })
  .strict()
  .meta({ id: "CreateReportRequest" });

export const REPORT_STATUSES = ["open", "resolved", "dismissed"] as const;

/** A report as its author sees it on the question page. */
export const reportSchema = z
  .object({
    id: z.uuid(),
    reason: z.enum(REPORT_REASONS),
    details: z.string(),
    status: z.enum(REPORT_STATUSES),
    reply: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: "Report" });
export type ReportView = z.infer<typeof reportSchema>;

/** An admin closes a report: fixed (resolved) or not a problem (dismissed), with a reply the reporter reads. */
export const closeReportSchema = z
  .object({
    status: z.enum(["resolved", "dismissed"], { error: "status must be resolved or dismissed." }),
    reply: text("A reply", REPLY_MAX),
  })
  .strict()
  .meta({ id: "CloseReportRequest" });

export const adminReportListQuerySchema = z.object({
  status: z.enum(["open", "closed"], { error: "status must be open or closed." }).default("open"),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100, "limit is at most 100.").default(25),
});

/** A report in the admin queue: the question it is about and who sent it. */
export const adminReportSchema = reportSchema
  .extend({
    question: z.object({ slug: z.string(), title: z.string(), archived: z.boolean() }),
    reporter: z.string(),
    closedBy: z.string().nullable(),
  })
  .meta({ id: "AdminReport" });
export type AdminReportView = z.infer<typeof adminReportSchema>;

export const adminReportListSchema = z
  .object({ items: z.array(adminReportSchema), nextCursor: z.string().nullable(), open: z.number().int() })
  .meta({ id: "AdminReportList" });
