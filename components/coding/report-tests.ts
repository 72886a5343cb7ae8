"use client";
// After an interview ends: fetch each coding answer with all its tests (hidden ones are only served now),
// run them in this browser and report the results, which the server stores as self-reported.
import type { PythonTest } from "@/lib/schemas/problems";
import { sharedRunner } from "./runner-client";

type Item = { questionId: string; code: string; visibleTests: PythonTest[]; hiddenTests: PythonTest[] };

export async function runAndReportTests(interviewId: string): Promise<{ reported: number; failed: number }> {
  const response = await fetch(`/api/interviews/${interviewId}/tests`);
  if (!response.ok) throw new Error(`tests: HTTP ${response.status}`);
  const { questions } = (await response.json()) as { questions: Item[] };
  let reported = 0;
  let failed = 0;
  for (const item of questions) {
    if (!item.code.trim()) continue; // nothing submitted: skipped, not scored (the server refuses a report)
    const report = await sharedRunner().run(item.code, [...item.visibleTests, ...item.hiddenTests]);
    if (report.runnerError && !report.timedOut) {
      failed++; // Python did not run here: report nothing rather than a false zero
      continue;
    }
    const { compileError, results, stdout, stderr, timedOut, ms } = report;
    const put = await fetch(`/api/interviews/${interviewId}/answers/${item.questionId}/tests`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ compileError, results: compileError ? [] : results, stdout, stderr, timedOut: Boolean(timedOut), ms }),
    }).catch(() => null);
    if (put?.ok) reported++;
    else failed++;
  }
  return { reported, failed };
}
