"use client";
// "Report a problem" on a question page: what the user reported last and what came of it, and a form in a
// native modal <dialog> (focus kept inside, Escape closes, focus handed back) to send a new report.
import { useEffect, useId, useRef, useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { apiFetch } from "@/lib/client/api";
import { REASON_LABELS, REPORT_DETAILS_MAX, REPORT_REASONS, type ReportReasonName } from "@/lib/schemas/report-reasons";
import { reportAnswer, reportConflict } from "@/lib/schemas/responses";

type Report = {
  id: string;
  reason: ReportReasonName;
  details: string;
  status: "open" | "resolved" | "dismissed";
  reply: string | null;
  createdAt: string;
  closedAt: string | null;
};

const button =
  "inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500";
const quiet = `${button} border border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900`;
const primary = `${button} bg-brand-600 text-white hover:bg-brand-700 disabled:opacity-60`;

export function ReportProblem({ slug, initial }: { slug: string; initial: Report | null }) {
  const [report, setReport] = useState(initial);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  return (
    <section
      aria-labelledby="report-heading"
      className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800"
    >
      <h2 id="report-heading" className="text-sm font-semibold">
        Something wrong with this question?
      </h2>
      {report ? <ReportOutcome report={report} /> : null}
      {sent ? (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Thank you: your report was sent. The reply will show here.
        </p>
      ) : null}
      {report?.status === "open" ? null : (
        <button type="button" className={quiet} onClick={() => setOpen(true)}>
          {report ? "Report another problem" : "Report a problem"}
        </button>
      )}
      {open ? (
        <ReportDialog
          slug={slug}
          onClose={(saved) => {
            setOpen(false);
            if (saved) {
              setReport(saved);
              setSent(saved.status === "open" && saved.id !== report?.id);
            }
          }}
        />
      ) : null}
    </section>
  );
}

function ReportOutcome({ report }: { report: Report }) {
  const label = REASON_LABELS[report.reason];
  if (report.status === "open")
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        You reported “{label.toLowerCase()}” on <LocalTime value={report.createdAt} show="date" />. An admin will reply
        here.
      </p>
    );
  return (
    <div className="space-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-900">
      <p>
        Your report of <LocalTime value={report.createdAt} show="date" /> (“{label.toLowerCase()}”) was{" "}
        <strong>{report.status === "resolved" ? "resolved" : "closed without a change"}</strong>
        {report.closedAt ? (
          <>
            {" "}
            on <LocalTime value={report.closedAt} show="date" />
          </>
        ) : null}
        .
      </p>
      {report.reply ? (
        <blockquote className="border-l-2 border-slate-300 pl-3 whitespace-pre-line text-slate-700 dark:border-slate-600 dark:text-slate-300">
          {report.reply}
        </blockquote>
      ) : null}
    </div>
  );
}

function ReportDialog({ slug, onClose }: { slug: string; onClose: (saved: Report | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState<ReportReasonName | null>(null);
  const [details, setDetails] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field?: "reason" | "details"; text: string } | null>(null);
  const saved = useRef<Report | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const closed = () => {
      onClose(saved.current);
      if (opener?.isConnected) opener.focus();
    };
    dialog.addEventListener("close", closed, { once: true });
    return () => {
      dialog.removeEventListener("close", closed);
      if (dialog.open) dialog.close();
    };
    // Opened once: the section renders a new dialog each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!reason) return setError({ field: "reason", text: "Choose what is wrong." });
    if (!details.trim()) return setError({ field: "details", text: "Say what is wrong, in a sentence or two." });
    setPending(true);
    setError(null);
    const result = await apiFetch(`/api/questions/${slug}/report`, {
      method: "POST",
      body: { reason, details },
      schema: reportAnswer,
    });
    setPending(false);
    if (result.ok) {
      saved.current = result.data;
      ref.current?.close();
      return;
    }
    const conflict = reportConflict.safeParse(result.error.body);
    if (result.error.status === 409 && conflict.success) {
      saved.current = conflict.data.report;
      ref.current?.close();
      return;
    }
    const field = result.error.field("details") ? "details" : result.error.field("reason") ? "reason" : undefined;
    setError({
      field,
      text: (field && result.error.field(field)) ?? result.error.messageOr("Could not send the report. Try again."),
    });
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={(event) => void send(event)} className="space-y-4 p-6" noValidate>
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Report a problem
        </h2>
        <fieldset
          className="space-y-2"
          aria-describedby={error?.field === "reason" ? `${id}-error` : undefined}
          aria-invalid={error?.field === "reason" ? true : undefined}
        >
          <legend className="text-sm font-medium">What is wrong?</legend>
          {REPORT_REASONS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="reason"
                value={value}
                checked={reason === value}
                onChange={() => setReason(value)}
              />
              {REASON_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={`${id}-details`} className="block text-sm font-medium">
            Details
          </label>
          <textarea
            id={`${id}-details`}
            value={details}
            onChange={(event) => setDetails(event.target.value)}
            maxLength={REPORT_DETAILS_MAX}
            rows={4}
            aria-invalid={error?.field === "details" ? true : undefined}
            aria-describedby={`${id}-hint${error?.field === "details" ? ` ${id}-error` : ""}`}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950"
          />
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            What should it say instead? {details.length}/{REPORT_DETAILS_MAX} characters. Admins read it; your name is
            shown to them.
          </p>
        </div>
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-rose-700 dark:text-rose-400">
            {error.text}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <button type="button" className={quiet} onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className={primary} disabled={pending}>
            {pending ? "Sending…" : "Send report"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
