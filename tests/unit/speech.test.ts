// Spoken answers (issue #25): the speaking figures the review shows, and what the browser may send with a
// recording (its length, the silences it measured, the word count of the browser's own recognition).
import { describe, expect, it } from "vitest";
import { clock, countWords, LONG_PAUSE_MS, speakingFigures } from "@/lib/speech/figures";
import { RECORDING_LIMITS, RECORDING_TYPES, recordingQuerySchema } from "@/lib/schemas/recordings";

describe("speaking figures", () => {
  it("give words per minute, the pace, and the long pauses", () => {
    const figures = speakingFigures({
      durationMs: 90_000,
      words: 210,
      pauses: [
        { atMs: 10_000, ms: 2_000 },
        { atMs: 40_000, ms: LONG_PAUSE_MS },
        { atMs: 70_000, ms: 6_500 },
      ],
    });
    expect(figures).toEqual({
      durationMs: 90_000,
      words: 210,
      wordsPerMinute: 140,
      longPauses: 2,
      longestPauseMs: 6_500,
      pace: "comfortable",
    });
  });

  it.each([
    [60_000, 80, "slow"],
    [60_000, 120, "comfortable"],
    [60_000, 200, "fast"],
    [30_000, 100, "fast"],
  ])("call %i ms with %i words %s", (durationMs, words, pace) => {
    expect(speakingFigures({ durationMs, words, pauses: [] }).pace).toBe(pace);
  });

  it("leave the pace out without words or with too little audio to judge", () => {
    expect(speakingFigures({ durationMs: 60_000, words: null, pauses: [] })).toMatchObject({
      wordsPerMinute: null,
      pace: null,
    });
    expect(speakingFigures({ durationMs: 60_000, words: 0, pauses: [] }).wordsPerMinute).toBeNull();
    expect(speakingFigures({ durationMs: 4_000, words: 12, pauses: [] }).wordsPerMinute).toBeNull();
  });

  it("count words in prose and code names, not punctuation", () => {
    expect(countWords("Use select_related for foreign keys — it’s one JOIN per query.")).toBe(10);
    expect(countWords("  ")).toBe(0);
    expect(countWords("Ça dépend: l’ORM fait 2 requêtes")).toBe(6);
  });

  it("write durations as a clock", () => {
    expect(clock(0)).toBe("0:00");
    expect(clock(65_400)).toBe("1:05");
    expect(clock(300_000)).toBe("5:00");
  });
});

describe("a recording's query", () => {
  const parse = (query: Record<string, string>) => recordingQuerySchema.safeParse(query);

  it("reads the length, the pauses and the browser's word count", () => {
    expect(parse({ durationMs: "61000", pauses: "12000:2500,40000:3100", browserWords: "120" }).data).toEqual({
      durationMs: 61_000,
      pauses: [
        { atMs: 12_000, ms: 2_500 },
        { atMs: 40_000, ms: 3_100 },
      ],
      browserWords: 120,
    });
    expect(parse({ durationMs: "1000" }).data).toEqual({ durationMs: 1000, pauses: [] });
  });

  it.each([
    ["no length", {}],
    ["a length that is not a number", { durationMs: "long" }],
    ["over five minutes", { durationMs: String(RECORDING_LIMITS.maxDurationMs + 1) }],
    ["under half a second", { durationMs: "100" }],
    ["a fractional length", { durationMs: "1000.5" }],
    ["pauses that are not pairs", { durationMs: "5000", pauses: "12000" }],
    ["a pause shorter than two seconds", { durationMs: "5000", pauses: "100:500" }],
    ["a negative pause", { durationMs: "5000", pauses: "-1:3000" }],
    ["pauses with script", { durationMs: "5000", pauses: "<script>" }],
    ["too many pauses", { durationMs: "5000", pauses: Array.from({ length: 201 }, () => "1:2000").join(",") }],
    ["a negative word count", { durationMs: "5000", browserWords: "-3" }],
    ["a huge word count", { durationMs: "5000", browserWords: "99999" }],
  ])("refuses %s", (_, query) => {
    expect(parse(query).success).toBe(false);
  });
});

describe("recording media types", () => {
  it.each(["audio/webm", "audio/webm;codecs=opus", 'audio/ogg; codecs="opus"', "audio/mp4", "AUDIO/WEBM"])(
    "accept %s",
    (type) => expect(RECORDING_TYPES.test(type)).toBe(true),
  );
  it.each(["video/webm", "audio/wav", "text/html", "audio/webm; charset=utf-8", "audio/webm;codecs=opus\r\nx: y", ""])(
    "refuse %j",
    (type) => expect(RECORDING_TYPES.test(type)).toBe(false),
  );
});
