import type { Metadata } from "next";
import { BackLink } from "@/components/admin/back-link";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { listReports } from "@/lib/data/reports";
import { adminReportListQuerySchema, type AdminReportView } from "@/lib/schemas/reports";
import { REASON_LABELS } from "@/lib/schemas/report-reasons";
import { CloseReportForm } from "@/components/reports/close-report-form";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Reports from users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const tab =
  "rounded-md px-3 py-1.5 text-sm font-medium aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700 hover:bg-slate-100 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-brand-100";

/** The report queue (ADMIN only): open reports, the longest waiting first, each with its reply form; or closed ones. */
export default async function AdminReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const raw = await searchParams;
  const parsed = adminReportListQuerySchema.safeParse({
    status: typeof raw.status === "string" ? raw.status : undefined,
    cursor: typeof raw.cursor === "string" ? raw.cursor : undefined,
  });
  const query = parsed.success ? parsed.data : adminReportListQuerySchema.parse({});
  const list = await listReports(query).catch((error: unknown) => {
    // A forged or stale cursor: the first page, with a word about it.
    if (query.cursor) return null;
    throw error;
  });
  const reports = list ?? (await listReports({ ...query, cursor: undefined }));
  const open = query.status === "open";
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <BackLink href="/admin">Admin</BackLink>
        <h1 className="text-2xl font-semibold">Reports from users</h1>
      </div>
      <nav aria-label="Reports" className="flex gap-2">
        <Link href="/admin/reports" className={tab} aria-current={open ? "page" : undefined}>
          Open ({reports.open})
        </Link>
        <Link href="/admin/reports?status=closed" className={tab} aria-current={open ? undefined : "page"}>
          Closed
        </Link>
      </nav>
      {!parsed.success || !list ? <Alert>That page of the list no longer exists; here is the first.</Alert> : null}
      {reports.items.length ? (
        <ol className="space-y-4">
          {reports.items.map((report) => (
            <ReportItem key={report.id} report={report} />
          ))}
        </ol>
      ) : (
        <EmptyState title={open ? "No open reports" : "No closed reports yet"}>
          {open
            ? "When a user reports a problem with a question, it waits here for your reply."
            : "Reports you resolve or dismiss are kept here."}
        </EmptyState>
      )}
      {reports.nextCursor ? (
        <Link
          href={`/admin/reports?${new URLSearchParams({ ...(open ? {} : { status: "closed" }), cursor: reports.nextCursor })}`}
          className="inline-block text-sm text-brand-700 hover:underline dark:text-brand-100"
        >
          Next page
        </Link>
      ) : null}
    </div>
  );
}

function ReportItem({ report }: { report: AdminReportView }) {
  const headingId = `report-${report.id}`;
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-200 p-4 wrap-anywhere dark:border-slate-800"
    >
      <div className="space-y-1">
        <h2 id={headingId} className="font-semibold">
          <Link href={`/questions/${report.question.slug}`} className="hover:underline">
            {report.question.title}
          </Link>
          {report.question.archived ? <span className="ml-2 text-sm font-normal">(archived)</span> : null}
        </h2>
        <p className="text-sm">
          <Link
            href={`/admin/questions/${report.question.slug}`}
            className="text-brand-700 hover:underline dark:text-brand-100"
          >
            Open in the editor
          </Link>
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {REASON_LABELS[report.reason]} · from {report.reporter} · <LocalTime value={report.createdAt} />
        </p>
      </div>
      <p className="text-sm whitespace-pre-line">{report.details}</p>
      {report.status === "open" ? (
        <CloseReportForm id={report.id} />
      ) : (
        <div className="space-y-1 rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
          <p>
            <strong>{report.status === "resolved" ? "Resolved" : "Dismissed"}</strong>
            {report.closedBy ? ` by ${report.closedBy}` : ""}
            {report.closedAt ? (
              <>
                {" "}
                on <LocalTime value={report.closedAt} />
              </>
            ) : null}
          </p>
          {report.reply ? (
            <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{report.reply}</p>
          ) : null}
        </div>
      )}
    </li>
  );
}
