"use client";

import { useCallback, useEffect, useState } from "react";
import type { RunnerStatus } from "@/lib/coding/runner";
import type { PythonTest, RunReport } from "@/lib/schemas/coding";
import { sharedRunner } from "./runner-client";

/** Starts (or reuses) the Python runner when mounted; its status for the UI, and run(). */
export function usePythonRunner() {
  const [status, setStatus] = useState<RunnerStatus>({ state: "loading", phase: "download", percent: 0 });
  useEffect(() => sharedRunner().subscribe(setStatus), []);
  const run = useCallback(
    (source: string, tests: PythonTest[]): Promise<RunReport> => sharedRunner().run(source, tests),
    [],
  );
  return { status, run };
}

export function describeStatus(status: RunnerStatus): string {
  switch (status.state) {
    case "loading":
      return status.phase === "download" ? `Loading Python… ${status.percent}%` : "Starting Python…";
    case "ready":
      return "Python is ready.";
    case "running":
      return "Running the tests…";
    case "failed":
      return `Python is unavailable: ${status.message}`;
  }
}
