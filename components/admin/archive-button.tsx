"use client";
// Archive a question (it leaves the bank, lists and interviews, and stays readable in users' history) or bring
// it back. Asked first; sent with the editor's revision like any other change.
import { useState } from "react";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/client/api";
import { editableQuestionSchema, type EditableQuestion } from "@/lib/schemas/question-editor";

type Props = {
  slug: string;
  archived: boolean;
  revision: number;
  onDone: (saved: EditableQuestion) => void;
  onError: (message: string) => void;
};

export function ArchiveButton({ slug, archived, revision, onDone, onError }: Props) {
  const { confirm, dialog } = useConfirm();
  const [pending, setPending] = useState(false);

  async function toggle() {
    const ok = await confirm(
      archived
        ? {
            title: "Bring this question back?",
            body: "It returns to the bank, search and interviews.",
            confirmLabel: "Bring back",
          }
        : {
            title: "Archive this question?",
            body: "It leaves the bank, search and new interviews. Users' answers and notes on it stay readable in their history.",
            confirmLabel: "Archive",
            destructive: true,
          },
    );
    if (!ok) return;
    setPending(true);
    const result = await apiFetch(`/api/admin/questions/${slug}/archive`, {
      method: "PUT",
      body: { archived: !archived, revision },
      schema: editableQuestionSchema,
    });
    setPending(false);
    if (result.ok) onDone(result.data);
    else onError(result.error.messageOr("Could not change the question. Try again."));
  }

  return (
    <>
      <button
        type="button"
        disabled={pending}
        onClick={() => void toggle()}
        className="inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {archived ? "Bring back into the bank" : "Archive"}
      </button>
      {dialog}
    </>
  );
}
