// Field rules shared by every way the same data comes in: the routes that create it, the dashboard's
// settings, and POST /api/me/import. One schema per thing, so an import can never store what a route would
// refuse (and then break a page that reads it).
import { z } from "zod";

/** PostgreSQL's int4, the type of every integer column. */
export const INT4_MAX = 2_147_483_647;

/** A non-negative integer that fits an int4 column: revisions, counts, seeds. */
export const nonNegativeInt = () =>
  z.number().int("must be a whole number").min(0, "cannot be negative").max(INT4_MAX, `must be at most ${INT4_MAX}`);

/**
 * Counters the app increments by one (revisions, FSRS reps and lapses): at most a billion, so the next
 * increment can never overflow the int4 column (an imported 2147483647 made every later save fail).
 */
export const COUNTER_MAX = 1_000_000_000;
export const counterSchema = () =>
  z
    .number()
    .int("must be a whole number")
    .min(0, "cannot be negative")
    .max(COUNTER_MAX, `must be at most ${COUNTER_MAX}`);

/** Revisions that a client echoes back (0 for a document that does not exist yet). */
export const revisionSchema = counterSchema();

/** Key point coverage and interview scores: a share, 0..1. */
export const scoreSchema = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

/** Seconds spent on one interview question: the autosave adds to it up to a day (lib/data/answers.ts). */
export const timeSpentSchema = z.number().int().min(0).max(86_400, "is at most 86400 seconds (a day)");

/**
 * Instants the app stores. 1970 is before any Mockroom data; 2200 leaves room for FSRS, which schedules up to
 * 100 years ahead (ts-fsrs maximum_interval 36,500 days). Outside that, dates are mistakes or attacks: year 1
 * and year 9999 pass both JavaScript and PostgreSQL but make the pages that compute with them fail.
 */
export const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT = Date.UTC(2200, 0, 1) - 1;
export const instantSchema = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date and time, e.g. 2026-03-01T09:30:00Z" })
  .refine((value) => {
    const time = Date.parse(value);
    return Number.isFinite(time) && time >= EARLIEST_INSTANT && time <= LATEST_INSTANT;
  }, "must be between 1970-01-01 and 2199-12-31");

/** Default extra time for timed interviews (WCAG 2.2.1): the dashboard setting. */
export const TIME_MULTIPLIERS = [1, 1.5, 2] as const;
export const timeMultiplierSchema = z.literal(TIME_MULTIPLIERS, { error: "must be 1, 1.5 or 2" });
export type TimeMultiplier = (typeof TIME_MULTIPLIERS)[number];
/** Extra time of an extended interview. */
export const EXTENDED_MULTIPLIERS = [1.5, 2] as const;
export const extendedMultiplierSchema = z.literal(EXTENDED_MULTIPLIERS, { error: "must be 1.5 or 2" });

let zones: Set<string> | undefined;
/**
 * IANA time zone names this runtime knows, plus "UTC" (the default, which Intl lists only under Etc). Names
 * the database does not also know are refused where a zone is stored (lib/data/users.ts).
 */
export function isTimeZone(name: string): boolean {
  zones ??= new Set([
    ...(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []),
    "UTC",
  ]);
  return zones.has(name);
}
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isTimeZone, "is not a time zone: choose an IANA name such as Europe/London");

/** Bytes of `text` in UTF-8, without encoding it (a lone surrogate counts 3, as it is stored as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Text of at most `maxBytes` of UTF-8 (routes answer 413 beyond it; an import names the field). */
export const utf8Text = (maxBytes: number) =>
  z
    .string()
    .refine(
      (value) => value.length <= maxBytes && utf8Length(value) <= maxBytes,
      `is larger than ${Math.round(maxBytes / 1024)} KB`,
    );

/** At most 6 key points a question (lib/schemas/content.ts), each 2-200 characters. */
export const MAX_KEY_POINTS = 6;
const heardSchema = z.object({
  concept: z.string().max(200).describe("The concept, in words a user reads"),
  phrase: z.string().max(200).describe("The answer's own words that said it"),
});

/** One key point's verdict, as lib/scoring/match.ts computes it. */
export const keyPointCoverageSchema = z
  .object({
    point: z.string().max(200),
    covered: z.boolean(),
    heard: z.array(heardSchema).max(8).describe("Required concepts heard, with the phrase that said each"),
    missing: z.array(z.string().max(200)).max(8).describe("Required concepts not heard, by name"),
    wrong: z.array(heardSchema).max(8).describe("Wrong claims heard; the point does not count"),
    named: z
      .array(heardSchema)
      .max(8)
      .default([])
      .describe("Concepts only named by one term in an answer that makes a wrong claim; not heard"),
  })
  .meta({ id: "KeyPointCoverage" });

/** Coverage as scorers before the rubric stored it (stems of the point's words): read, and re-scored later. */
const legacyCoverageSchema = z
  .object({
    point: z.string().max(200),
    covered: z.boolean(),
    matched: z.array(z.string().max(200)).max(200),
    missing: z.array(z.string().max(200)).max(200),
  })
  .transform(({ point, covered }) => ({ point, covered, heard: [], missing: [], wrong: [], named: [] }));

/** Which key points an answer covered: today's shape, or the earlier one (older exports and rows). */
export const coverageSchema = z.array(z.union([keyPointCoverageSchema, legacyCoverageSchema])).max(MAX_KEY_POINTS);

/** Notes and practice answers: at most 100 KB of UTF-8 each (413 beyond, checked on the bytes). */
export const MAX_DOCUMENT_BYTES = 100 * 1024;

/** An opaque list cursor (lib/data/cursor.ts): URL-safe, bounded. */
export const cursorSchema = z
  .string()
  .max(500)
  .regex(/^[\w-]*$/, "Invalid cursor.");

/** A question as lists of the user's own things show it (sets, bookmarks, the revision queue). */
export const questionRefSchema = z.object({
  slug: z.string(),
  title: z.string(),
  topic: z.object({ slug: z.string(), name: z.string() }),
  difficulty: z.string(),
});
