// One way to show dates, numbers and counts everywhere: in the reader's locale (their browser's
// Accept-Language) and time zone (their setting), with Intl. Words stay English, so plural forms follow
// English rules ("1 question", "2 questions") while the digits follow the locale ("1 234" in fr-FR).

export type FormatSettings = { locale: string; timeZone: string };

/** A noun with its plural; a plain string takes an "s" ("question" -> "questions"). */
export type Noun = string | { one: string; other: string };

export const DEFAULT_LOCALE = "en-US";
export const DEFAULT_FORMAT_SETTINGS: FormatSettings = { locale: DEFAULT_LOCALE, timeZone: "UTC" };

const englishPlurals = new Intl.PluralRules("en");

/** The word for `n` of `noun` in English: "question" for 1, "questions" for 0 or 2. */
export function pluralWord(n: number, noun: Noun): string {
  const forms = typeof noun === "string" ? { one: noun, other: `${noun}s` } : noun;
  return englishPlurals.select(n) === "one" ? forms.one : forms.other;
}

/**
 * The best locale an Accept-Language header names that Intl supports, by its q-weights; the default
 * when it names none (absent, "*", or unknown tags).
 */
export function localeFrom(acceptLanguage: string | null | undefined): string {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && entry.tag !== "*" && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(entry.tag))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(tag);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return DEFAULT_LOCALE;
}

/** `timeZone` when Intl knows it, else UTC (a stored zone the runtime lost must not break a page). */
function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

export type Format = {
  settings: FormatSettings;
  number(n: number): string;
  /** 0.734 -> "73%" */
  percent(share: number): string;
  /** "3 questions", "1 review" */
  count(n: number, noun: Noun): string;
  /** "12 Mar 2026" in the locale's order */
  date(at: Date | string): string;
  /** the date and the time of day */
  dateTime(at: Date | string): string;
};

const made = new Map<string, Format>();

/** The formatter for these settings, made once per locale and zone (Intl objects are costly to build). */
export function formatFor(settings: FormatSettings): Format {
  const key = `${settings.locale}|${settings.timeZone}`;
  let format = made.get(key);
  if (!format) {
    format = makeFormat(settings);
    if (made.size > 200) made.clear();
    made.set(key, format);
  }
  return format;
}

function makeFormat({ locale, timeZone }: FormatSettings): Format {
  const zone = knownZone(timeZone);
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "medium" });
  const dateTimes = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: "medium", timeStyle: "short" });
  const toDate = (at: Date | string) => (typeof at === "string" ? new Date(at) : at);
  return {
    settings: { locale, timeZone: zone },
    number: (n) => numbers.format(n),
    percent: (share) => percents.format(share),
    count: (n, noun) => `${numbers.format(n)} ${pluralWord(n, noun)}`,
    date: (at) => dates.format(toDate(at)),
    dateTime: (at) => dateTimes.format(toDate(at)),
  };
}

/** "Try again in 1 minute" / "in 15 minutes": a wait in whole minutes, rounded up. */
export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} ${pluralWord(minutes, "minute")}`;
}
