"use client";
// Practising a coding problem on its question page: the workspace, with the code autosaved as the user's
// practice draft on the server (revision-checked, kept locally until acknowledged), "Reset to starter" and
// a reveal of the reference solution.
import { useState } from "react";
import { ConflictPanel } from "@/components/autosave/conflict-panel";
import { SaveStatusText } from "@/components/autosave/save-status";
import { useDocumentAutosave } from "@/components/autosave/use-autosave";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { CodeLanguage, CodeTest } from "@/lib/schemas/coding";
import { CodingWorkspace } from "./coding-workspace";

type Props = {
  slug: string;
  language: CodeLanguage;
  starterCode: string;
  solution: string;
  visibleTests: CodeTest[];
  draft: { content: string; revision: number };
};

export function PracticeWorkspace({ slug, language, starterCode, solution, visibleTests, draft }: Props) {
  // Nothing saved yet: start from the starter code (saved once the user edits it).
  const initial = draft.revision > 0 ? draft : { content: starterCode, revision: 0 };
  const { doc, edit, resolve } = useDocumentAutosave(
    `/api/questions/${slug}/practice`,
    `mockroom:practice:${slug}`,
    initial,
  );
  const [version, setVersion] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const { confirm, dialog } = useConfirm();

  async function reset() {
    const sure = await confirm({
      title: "Replace your code with the starter code?",
      body: "Your current code in this editor is replaced.",
      confirmLabel: "Reset to starter",
      destructive: true,
    });
    if (!sure) return;
    edit(starterCode);
    setVersion((v) => v + 1);
  }

  async function reveal() {
    if (
      revealed ||
      (await confirm({
        title: "Show the reference solution?",
        body: "Try the tests first: it is more useful once you have tried.",
        confirmLabel: "Show the solution",
      }))
    )
      setRevealed((r) => !r);
  }

  return (
    <div className="space-y-4">
      {dialog}
      <CodingWorkspace
        key={version}
        language={language}
        value={doc.content}
        initialCode={starterCode}
        tests={visibleTests}
        label="Your solution"
        onChange={edit}
        actions={
          <>
            <Button type="button" variant="secondary" onClick={() => void reset()}>
              Reset to starter
            </Button>
            <Button
              type="button"
              variant="ghost"
              onClick={() => void reveal()}
              aria-expanded={revealed}
              aria-controls="reference-solution"
            >
              {revealed ? "Hide the reference solution" : "Reveal the reference solution"}
            </Button>
          </>
        }
      />
      <SaveStatusText status={doc.status} revision={doc.revision} />
      {doc.error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {doc.error}
        </p>
      ) : null}
      {doc.status === "conflict" && doc.conflict ? (
        <ConflictPanel mine={doc.content} saved={doc.conflict.content} onKeep={resolve} />
      ) : null}
      {revealed ? (
        <section
          id="reference-solution"
          aria-label="Reference solution"
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
        >
          <h3 className="mb-2 text-sm font-semibold">Reference solution</h3>
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
            <code>{solution}</code>
          </pre>
        </section>
      ) : null}
    </div>
  );
}
