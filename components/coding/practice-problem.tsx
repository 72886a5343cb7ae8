"use client";
// The question page's coding section. Only this small file is in the page's bundle: the editor and the
// code runner (Python or SQL) load when it renders (a coding question, a signed-in user).
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";

const PracticeWorkspace = dynamic(() => import("./practice-workspace").then((m) => m.PracticeWorkspace), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Loading the code editor…</p>,
});

export function PracticeProblem(props: ComponentProps<typeof PracticeWorkspace>) {
  return <PracticeWorkspace {...props} />;
}
