"use client";
// An admin's answer to an open report: a reply for its author, and whether it was fixed (resolved) or is not a
// problem (dismissed). A report another admin closed meanwhile says so instead of overwriting their reply.
import { useId, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { REPLY_MAX } from "@/lib/schemas/report-reasons";
import { reportAnswer, reportConflict } from "@/lib/schemas/responses";

const button =
  "inline-flex items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60";

type Closed = { status: "resolved" | "dismissed" | "open"; reply: string | null; byOther: boolean };

export function CloseReportForm({ id }: { id: string }) {
  const field = useId();
  const [reply, setReply] = useState("");
  const [pending, setPending] = useState<"resolved" | "dismissed" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState<Closed | null>(null);

  async function close(status: "resolved" | "dismissed") {
    if (!reply.trim()) return setError("Write a reply: the user who reported it reads it on the question page.");
    setPending(status);
    setError(null);
    const result = await apiFetch(`/api/admin/reports/${id}`, {
      method: "PATCH",
      body: { status, reply },
      schema: reportAnswer,
    });
    setPending(null);
    if (result.ok) return setClosed({ status: result.data.status, reply: result.data.reply, byOther: false });
    const conflict = reportConflict.safeParse(result.error.body);
    if (result.error.status === 409 && conflict.success)
      return setClosed({ status: conflict.data.report.status, reply: conflict.data.report.reply, byOther: true });
    setError(result.error.field("reply") ?? result.error.messageOr("Could not close the report. Try again."));
  }

  if (closed)
    return (
      <p role="status" className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
        {closed.byOther ? "Another admin already closed this report" : "Closed"}:{" "}
        <strong>{closed.status === "resolved" ? "resolved" : "dismissed"}</strong>.{" "}
        {closed.byOther && closed.reply
          ? `Their reply: “${closed.reply}”`
          : "The user sees your reply on the question page."}
      </p>
    );
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        void close("resolved");
      }}
    >
      <label htmlFor={field} className="block text-sm font-medium">
        Reply to the user
      </label>
      <textarea
        id={field}
        value={reply}
        onChange={(event) => setReply(event.target.value)}
        maxLength={REPLY_MAX}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${field}-error` : undefined}
        placeholder="Fixed: the model answer now says …"
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950"
      />
      {error ? (
        <p id={`${field}-error`} role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending !== null}
          className={`${button} bg-brand-600 text-white hover:bg-brand-700`}
        >
          {pending === "resolved" ? "Saving…" : "Resolve"}
        </button>
        <button
          type="button"
          disabled={pending !== null}
          onClick={() => void close("dismissed")}
          className={`${button} border border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900`}
        >
          {pending === "dismissed" ? "Saving…" : "Dismiss"}
        </button>
      </div>
    </form>
  );
}
