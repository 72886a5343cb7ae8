"use client";

import { useState } from "react";
import { AnswerEditor } from "@/components/interview/answer-editor";
import { ConflictPanel } from "@/components/autosave/conflict-panel";
import { SaveStatusText } from "@/components/autosave/save-status";
import { useDocumentAutosave } from "@/components/autosave/use-autosave";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/client/api";
import { MarkdownPreview } from "./markdown-preview";

type Props = { slug: string; initial: { content: string; revision: number } | null; compact?: boolean };

/** The user's private note on a question: markdown, live preview, autosaved with revision checks. */
export function NoteEditor({ slug, initial, compact = false }: Props) {
  const { doc, edit, resolve, adopt } = useDocumentAutosave(
    `/api/questions/${slug}/note`,
    `mockroom:note:${slug}`,
    initial ?? { content: "", revision: 0 },
  );
  const [deleting, setDeleting] = useState(false);
  const { confirm, dialog } = useConfirm();
  const [message, setMessage] = useState<string | null>(null);

  async function remove() {
    const sure = await confirm({
      title: "Delete this note?",
      body: "This cannot be undone.",
      confirmLabel: "Delete note",
      destructive: true,
    });
    if (!sure) return;
    setDeleting(true);
    const result = await apiFetch(`/api/questions/${slug}/note`, { method: "DELETE" });
    setDeleting(false);
    if (result.ok) {
      adopt("", 0);
      setMessage("Note deleted.");
    } else setMessage("Could not delete the note. Try again.");
  }

  return (
    <div className="space-y-3" data-testid="note-editor">
      {dialog}
      <div className={compact ? "grid gap-3" : "grid gap-3 lg:grid-cols-2"}>
        <AnswerEditor
          value={doc.content}
          language="markdown"
          label="Your note (markdown)"
          placeholder="Notes to yourself on this question: what to remember, pitfalls, links. Markdown works."
          onChange={(value) => {
            // Deleting sets the editor to "" itself: that echo is not an edit, and must not hide "Note deleted."
            if (value === doc.content) return;
            setMessage(null);
            edit(value);
          }}
        />
        <MarkdownPreview source={doc.content} label="Note preview" />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <SaveStatusText status={doc.status} revision={doc.revision} />
          {doc.error ? (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
              {doc.error}
            </p>
          ) : null}
          {message ? (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {message}
            </p>
          ) : null}
        </div>
        {doc.revision > 0 ? (
          <button
            type="button"
            onClick={() => void remove()}
            disabled={deleting}
            className="text-sm text-rose-700 hover:underline disabled:opacity-50 dark:text-rose-400"
          >
            {deleting ? "Deleting…" : "Delete note"}
          </button>
        ) : null}
      </div>
      {doc.status === "conflict" && doc.conflict ? (
        <ConflictPanel what="note" mine={doc.content} saved={doc.conflict.content} onKeep={resolve} />
      ) : null}
    </div>
  );
}
