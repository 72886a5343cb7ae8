"use client";
// On the review: coding answers whose tests never ran (the tab closed when time ran out) can run them now.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function RunTestsButton({ interviewId }: { interviewId: string }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "running" | "failed">("idle");
  async function run() {
    setState("running");
    try {
      const { runAndReportTests } = await import("./report-tests");
      const { failed } = await runAndReportTests(interviewId);
      setState(failed ? "failed" : "idle");
      router.refresh();
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant="secondary" onClick={() => void run()} disabled={state === "running"}>
        {state === "running" ? "Running the tests in your browser…" : "Run the tests now"}
      </Button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {state === "failed" ? "Some results could not be run or saved. Try again." : ""}
      </span>
    </div>
  );
}
