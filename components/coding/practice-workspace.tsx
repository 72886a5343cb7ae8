"use client";
// Practising a coding problem on its question page: the workspace, with the code kept in this browser
// (localStorage, per problem), "Reset to starter" and a reveal of the reference solution.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PythonTest } from "@/lib/schemas/problems";
import { CodingWorkspace } from "./coding-workspace";

type Props = { slug: string; starterCode: string; solution: string; visibleTests: PythonTest[] };

const storageKey = (slug: string) => `mockroom:practice-code:${slug}`;

export function PracticeWorkspace({ slug, starterCode, solution, visibleTests }: Props) {
  const [code, setCode] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [revealed, setRevealed] = useState(false);

  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(storageKey(slug));
    } catch {
      saved = null;
    }
    // Reading storage must wait for the browser; until then the editor is not shown.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCode(saved ?? "");
  }, [slug]);

  function change(next: string) {
    setCode(next);
    try {
      localStorage.setItem(storageKey(slug), next);
    } catch {
      // storage full or disabled: the code lives until the page closes
    }
  }

  function reset() {
    if (!window.confirm("Replace your code with the starter code?")) return;
    change(starterCode);
    setVersion((v) => v + 1);
  }

  function reveal() {
    if (revealed || window.confirm("Show the reference solution? Try the tests first: it is more useful once you have tried.")) setRevealed((r) => !r);
  }

  if (code === null) return <p className="text-sm text-slate-600 dark:text-slate-400">Loading the editor…</p>;
  return (
    <div className="space-y-4">
      <CodingWorkspace
        key={version}
        value={code}
        initialCode={starterCode}
        tests={visibleTests}
        label="Your solution"
        onChange={change}
        actions={
          <>
            <Button type="button" variant="secondary" onClick={reset}>
              Reset to starter
            </Button>
            <Button type="button" variant="ghost" onClick={reveal} aria-expanded={revealed} aria-controls="reference-solution">
              {revealed ? "Hide the reference solution" : "Reveal the reference solution"}
            </Button>
          </>
        }
      />
      {revealed ? (
        <section id="reference-solution" aria-label="Reference solution" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h3 className="mb-2 text-sm font-semibold">Reference solution</h3>
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
            <code>{solution}</code>
          </pre>
        </section>
      ) : null}
    </div>
  );
}
