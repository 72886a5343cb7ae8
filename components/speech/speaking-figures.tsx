// The speaking figures of a spoken answer (issue #25), with why they matter in an interview: shown under the
// recording in the room, on the question page and in the interview review.
import type * as z from "zod/mini";
import { clock, COMFORTABLE_WPM, LONG_PAUSE_MS } from "@/lib/speech/figures";
import type { recordingView } from "@/lib/schemas/responses";

type Figures = z.infer<typeof recordingView>["figures"];

const paceWords = { slow: "on the slow side", comfortable: "easy to follow", fast: "fast" } as const;

export function SpeakingFigures({ figures, explain = false }: { figures: Figures; explain?: boolean }) {
  return (
    <div className="space-y-2 text-sm">
      <dl className="flex flex-wrap gap-x-6 gap-y-1">
        <div className="flex gap-1.5">
          <dt className="text-slate-600 dark:text-slate-400">Length</dt>
          <dd className="font-medium tabular-nums">{clock(figures.durationMs)}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-600 dark:text-slate-400">Pace</dt>
          <dd className="font-medium">
            {figures.wordsPerMinute === null
              ? "no transcript to count words in"
              : `${figures.wordsPerMinute} words a minute (${paceWords[figures.pace!]})`}
          </dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-600 dark:text-slate-400">Long pauses</dt>
          <dd className="font-medium">
            {figures.longPauses === 0
              ? "none"
              : `${figures.longPauses} (longest ${Math.round(figures.longestPauseMs / 1000)} s)`}
          </dd>
        </div>
      </dl>
      {explain ? (
        <p className="max-w-prose text-slate-600 dark:text-slate-400">
          Listeners follow about {COMFORTABLE_WPM.low}–{COMFORTABLE_WPM.high} words a minute best: faster sounds rushed
          and loses the interviewer, slower sounds unsure. A pause to think is fine, but silences of{" "}
          {LONG_PAUSE_MS / 1000} seconds or more add up; think aloud instead (“the trade-off here is…”) so the
          interviewer hears your reasoning.
        </p>
      ) : null}
    </div>
  );
}
