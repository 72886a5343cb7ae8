// Spoken answers (issue #25): what the browser sends with a recording, and the limits. The audio itself is the
// request body (audio/webm, audio/ogg or audio/mp4, as MediaRecorder makes it), read as a stream under the cap.
import { z } from "zod";

export const RECORDING_LIMITS = {
  /** Five minutes of speech. */
  maxDurationMs: 5 * 60 * 1000,
  /** Five minutes of Opus at the recorder's 48 kbit/s is about 1.8 MB; the cap leaves room for other browsers' codecs. */
  maxBytes: 4 * 1024 * 1024,
  /** Silences the browser may report. */
  maxPauses: 200,
} as const;

/** The media types MediaRecorder produces in Chromium, Firefox and Safari. */
export const RECORDING_TYPES = /^audio\/(webm|ogg|mp4)(\s*;\s*codecs="?[\w.,\s-]+"?)?$/i;

/** "12000:2500,40000:3100": silences as start and length in ms, as the recorder measured them. */
const pausesSchema = z
  .string()
  .max(RECORDING_LIMITS.maxPauses * 16)
  .regex(/^(\d{1,6}:\d{1,6})(,\d{1,6}:\d{1,6})*$/, "pauses must be start:length pairs in ms, comma-separated")
  .transform((value) => value.split(",").map((pair) => pair.split(":").map(Number) as [number, number]))
  .pipe(
    z
      .array(
        z.tuple([
          z.number().max(RECORDING_LIMITS.maxDurationMs),
          z.number().min(2_000).max(RECORDING_LIMITS.maxDurationMs),
        ]),
      )
      .max(RECORDING_LIMITS.maxPauses, `at most ${RECORDING_LIMITS.maxPauses} pauses`),
  )
  .transform((pairs) => pairs.map(([atMs, ms]) => ({ atMs, ms })));

export const recordingQuerySchema = z.object({
  durationMs: z.coerce
    .number({ error: "durationMs must be a number of milliseconds" })
    .int()
    .min(500, "a recording is at least half a second")
    .max(RECORDING_LIMITS.maxDurationMs, "a recording is at most 5 minutes"),
  pauses: z
    .union([z.literal(""), pausesSchema])
    .default("")
    .transform((v) => (v === "" ? [] : v)),
  /**
   * Words the browser's own speech recognition heard (the user chose it; the text went into the editor): counted for
   * the speaking figures. Absent: the server's transcription endpoint, when one is configured, makes the transcript.
   */
  browserWords: z.coerce.number().int().min(0).max(5_000).optional(),
});
export type RecordingQuery = z.infer<typeof recordingQuerySchema>;
