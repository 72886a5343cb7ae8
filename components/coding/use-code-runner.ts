"use client";

import { useCallback, useEffect, useState } from "react";
import type { RunnerStatus } from "@/lib/coding/runner";
import type { CodeLanguage, CodeTest, RunReport } from "@/lib/schemas/coding";
import { runtimeName, sharedRunner } from "./runner-client";

/** Starts (or reuses) the language's runner when mounted; its status for the UI, and run(). */
export function useCodeRunner(language: CodeLanguage) {
  const [status, setStatus] = useState<RunnerStatus>({ state: "loading", phase: "download", percent: 0 });
  useEffect(() => sharedRunner(language).subscribe(setStatus), [language]);
  const run = useCallback(
    (source: string, tests: CodeTest[]): Promise<RunReport> => sharedRunner(language).run(source, tests),
    [language],
  );
  return { status, run };
}

export function describeStatus(status: RunnerStatus, language: CodeLanguage = "python"): string {
  const name = runtimeName(language);
  switch (status.state) {
    case "loading":
      return status.phase === "download" ? `Loading ${name}… ${status.percent}%` : `Starting ${name}…`;
    case "ready":
      return `${name} is ready.`;
    case "running":
      return "Running the tests…";
    case "failed":
      return `${name} is unavailable: ${status.message}`;
  }
}
