// The review's title line: which interview, how it ended, and how long it took.
import Link from "next/link";
import { FocusAfterFinish } from "@/components/interview/focus-after-finish";
import { formatDuration } from "@/components/interview/format";
import { LocalTime } from "@/components/ui/local-time";
import type { InterviewView } from "@/lib/schemas/interviews";
import { statusLabel } from "../../status-label";

type Props = { interview: Pick<InterviewView, "id" | "title" | "status" | "mode" | "startedAt" | "endedAt"> };

export function ReviewHeader({ interview }: Props) {
  const took = interview.endedAt ? new Date(interview.endedAt).getTime() - new Date(interview.startedAt).getTime() : 0;
  return (
    <header className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/interviews" className="hover:underline">
          Interviews
        </Link>
      </nav>
      {/* Focusable from script only: the room moves the focus here when the user finishes (FocusAfterFinish). */}
      <h1 id="review-heading" tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
        {interview.title}: review
      </h1>
      <FocusAfterFinish interviewId={interview.id} targetId="review-heading" />
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {statusLabel[interview.status]} · {interview.mode} · {formatDuration(took / 1000)} · started{" "}
        <LocalTime value={interview.startedAt} />
      </p>
    </header>
  );
}
