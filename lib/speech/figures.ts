// Speaking figures of a spoken answer (issue #25): how long it took, how fast the words came, and the long pauses.
// Pure: the review computes them from what the recording stored (its duration, the silences the browser measured
// and the words of its transcript).

/** A silence this long (ms) counts as a pause in the figures; the recorder reports silences from 2 s. */
export const LONG_PAUSE_MS = 3_000;
/** Interview answers are easiest to follow at about 120-160 words a minute; outside 100-180 listeners struggle. */
export const COMFORTABLE_WPM = { low: 110, high: 170 } as const;

export type Pause = { atMs: number; ms: number };

export type SpeakingFigures = {
  durationMs: number;
  /** Words heard (the transcript's, or the browser's count), null without a transcript. */
  words: number | null;
  /** Words per minute of the recording, null without words or under 5 seconds of audio. */
  wordsPerMinute: number | null;
  /** Silences of LONG_PAUSE_MS or more. */
  longPauses: number;
  longestPauseMs: number;
  pace: "slow" | "comfortable" | "fast" | null;
};

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
}

export function speakingFigures(recording: {
  durationMs: number;
  pauses: readonly Pause[];
  words: number | null;
}): SpeakingFigures {
  const { durationMs, pauses, words } = recording;
  const wordsPerMinute =
    words !== null && words > 0 && durationMs >= 5_000 ? Math.round(words / (durationMs / 60_000)) : null;
  const long = pauses.filter((p) => p.ms >= LONG_PAUSE_MS);
  return {
    durationMs,
    words,
    wordsPerMinute,
    longPauses: long.length,
    longestPauseMs: pauses.reduce((max, p) => Math.max(max, p.ms), 0),
    pace:
      wordsPerMinute === null
        ? null
        : wordsPerMinute < COMFORTABLE_WPM.low
          ? "slow"
          : wordsPerMinute > COMFORTABLE_WPM.high
            ? "fast"
            : "comfortable",
  };
}

/** "2:05" for 125,000 ms. */
export function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
