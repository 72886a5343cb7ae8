"use client";
// Makes an earlier revision the question's (topic's, format's) content again (recorded as a new revision, so nothing is lost).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/client/api";

/** `url`: the restore route of the question, topic or format; `body`: the version token the page loaded. */
export function RestoreRevisionButton({ url, body, number }: { url: string; body: unknown; number: number }) {
  const router = useRouter();
  const { confirm, dialog } = useConfirm();
  const [state, setState] = useState<{ pending: boolean; message?: string; error?: boolean }>({ pending: false });

  async function restore() {
    const ok = await confirm({
      title: `Restore revision ${number}?`,
      body: "Its content becomes the question's again, as a new revision; the current one stays in the history.",
      confirmLabel: "Restore",
    });
    if (!ok) return;
    setState({ pending: true });
    const result = await apiFetch(url, { method: "POST", body });
    if (result.ok) {
      setState({ pending: false, message: "Restored." });
      // The page renders again with the restored revision; the editor takes its fields (question-editor.tsx).
      router.refresh();
    } else
      setState({
        pending: false,
        error: true,
        message: result.error.messageOr("Could not restore it. Try again."),
      });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={state.pending}
        onClick={() => void restore()}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Restore revision {number}
      </button>
      {state.message ? (
        <span
          role={state.error ? "alert" : "status"}
          className={`text-xs ${state.error ? "text-rose-700 dark:text-rose-400" : ""}`}
        >
          {state.message}
        </span>
      ) : null}
      {dialog}
    </span>
  );
}
