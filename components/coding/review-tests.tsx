// The review's test section for a coding answer: the results the browser reported (labelled as such), or a
// way to run them when they never arrived.
import type { StoredTestResults } from "@/lib/schemas/coding";
import { RunTestsButton } from "./run-tests-button";
import { TestResults } from "./test-results";
import { LocalTime } from "@/components/ui/local-time";

type Props = { interviewId: string; results: StoredTestResults | null; answered: boolean; scored: boolean };

export function ReviewTests({ interviewId, results, answered, scored }: Props) {
  if (!answered)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No code submitted: skipped, not scored.</p>;
  if (!results) {
    return (
      <section
        aria-label="Tests"
        className="space-y-2 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800"
      >
        <p>The tests of this answer have not run yet (they run in your browser when the interview ends).</p>
        {scored ? <RunTestsButton interviewId={interviewId} /> : null}
      </section>
    );
  }
  return (
    <div className="space-y-2">
      <TestResults report={results} heading="Visible and hidden tests" />
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Self-reported by your browser on <LocalTime value={results.reportedAt} />: the code ran on your device, so the
        server records what your browser reported. Score: the share of tests passed.
      </p>
    </div>
  );
}
