"use client";

import { useFormat } from "./format-provider";

/** A moment in the reader's locale and time zone (lib/format), with its machine-readable value. */
export function LocalTime({ value, show = "dateTime" }: { value: string | Date; show?: "date" | "dateTime" }) {
  const format = useFormat();
  const iso = typeof value === "string" ? value : value.toISOString();
  return <time dateTime={iso}>{show === "date" ? format.date(iso) : format.dateTime(iso)}</time>;
}

/** "3 questions", "1 review": the count in the reader's locale, the noun in the right number. */
export function Count({ n, noun }: { n: number; noun: string | { one: string; other: string } }) {
  return <>{useFormat().count(n, noun)}</>;
}
