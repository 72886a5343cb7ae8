import { describe, expect, it } from "vitest";
import { formatFor, localeFrom, minutesText, pluralWord } from "@/lib/format/format";

describe("plurals", () => {
  it("uses the singular for exactly one and the plural for zero, many and fractions", () => {
    expect([0, 1, 2, 21, 1.5].map((n) => pluralWord(n, "question"))).toEqual([
      "questions",
      "question",
      "questions",
      "questions",
      "questions",
    ]);
    expect(pluralWord(1, { one: "company", other: "companies" })).toBe("company");
    expect(pluralWord(3, { one: "company", other: "companies" })).toBe("companies");
  });

  it("follows English rules whatever the reader's locale (the words are English)", () => {
    // Japanese has no plural forms and Polish has several: neither may leak into English words.
    expect(formatFor({ locale: "ja-JP", timeZone: "UTC" }).count(1, "review")).toBe("1 review");
    expect(formatFor({ locale: "pl-PL", timeZone: "UTC" }).count(2, "review")).toBe("2 reviews");
    expect(formatFor({ locale: "pl-PL", timeZone: "UTC" }).count(5, "review")).toBe("5 reviews");
  });

  it("says a wait in whole minutes, rounded up, never 'minute(s)'", () => {
    expect(minutesText(1)).toBe("1 minute");
    expect(minutesText(60)).toBe("1 minute");
    expect(minutesText(61)).toBe("2 minutes");
    expect(minutesText(900)).toBe("15 minutes");
  });
});

describe("numbers and dates", () => {
  const at = new Date("2026-03-01T23:30:00Z");

  it("writes digits in the reader's locale", () => {
    expect(formatFor({ locale: "en-US", timeZone: "UTC" }).count(1234, "question")).toBe("1,234 questions");
    expect(formatFor({ locale: "de-DE", timeZone: "UTC" }).count(1234, "question")).toBe("1.234 questions");
    expect(formatFor({ locale: "en-US", timeZone: "UTC" }).percent(0.734)).toBe("73%");
  });

  it("shows a moment in the reader's time zone: the day can change", () => {
    expect(formatFor({ locale: "en-GB", timeZone: "UTC" }).date(at)).toBe("1 Mar 2026");
    expect(formatFor({ locale: "en-GB", timeZone: "Asia/Tokyo" }).date(at)).toBe("2 Mar 2026");
    expect(formatFor({ locale: "de-DE", timeZone: "Asia/Tokyo" }).date(at.toISOString())).toBe("02.03.2026");
    expect(formatFor({ locale: "en-US", timeZone: "America/New_York" }).dateTime(at)).toMatch(/^Mar 1, 2026.*6:30/);
  });

  it("falls back to UTC for a zone the runtime does not know", () => {
    expect(formatFor({ locale: "en-GB", timeZone: "Mars/Olympus_Mons" }).date(at)).toBe("1 Mar 2026");
  });
});

describe("the reader's locale from Accept-Language", () => {
  it("takes the most preferred supported tag", () => {
    expect(localeFrom("de-DE,de;q=0.9,en;q=0.8")).toBe("de-DE");
    expect(localeFrom("en;q=0.5, fr-CA;q=0.9")).toBe("fr-CA");
    expect(localeFrom("fr;q=0, en-GB")).toBe("en-GB");
  });

  it("falls back to the default for nothing, a wildcard, or garbage", () => {
    for (const header of [null, undefined, "", "*", "not a tag!!", "x".repeat(300), "q=1;;,;"])
      expect(localeFrom(header)).toBe("en-US");
  });
});
