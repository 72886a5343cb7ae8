"use client";
// After an interview ends: fetch each coding answer with all its tests (hidden ones are only served now),
// run them in this browser and report the results, which the server stores as self-reported.
import { apiFetch } from "@/lib/client/api";
import { testsToRunAnswer } from "@/lib/schemas/responses";
import { sharedRunner } from "./runner-client";

export async function runAndReportTests(interviewId: string): Promise<{ reported: number; failed: number }> {
  const tests = await apiFetch(`/api/interviews/${interviewId}/tests`, { schema: testsToRunAnswer });
  if (!tests.ok) throw tests.error;
  const { questions } = tests.data;
  let reported = 0;
  let failed = 0;
  for (const item of questions) {
    if (!item.code.trim()) continue; // nothing submitted: skipped, not scored (the server refuses a report)
    const report = await sharedRunner(item.language).run(item.code, [...item.visibleTests, ...item.hiddenTests]);
    if (report.runnerError && !report.timedOut) {
      failed++; // Python did not run here: report nothing rather than a false zero
      continue;
    }
    const { compileError, results, stdout, stderr, timedOut, ms } = report;
    const put = await apiFetch(`/api/interviews/${interviewId}/answers/${item.questionId}/tests`, {
      method: "PUT",
      body: { compileError, results: compileError ? [] : results, stdout, stderr, timedOut: Boolean(timedOut), ms },
    });
    if (put.ok) reported++;
    else failed++;
  }
  return { reported, failed };
}
