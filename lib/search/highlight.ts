// ts_headline output -> HTML. PostgreSQL marks the matched words with two control characters no question
// holds; everything is escaped first, then only those markers become <mark>.
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** A code fence and its language ("```python"), as a regular expression: markup, never words of a snippet. */
export const FENCE = "```\\S*";

/** Options for ts_headline: our markers, and an excerpt of `maxWords` (or the whole text with `all`). */
export function headlineOptions(options: {
  maxWords?: number;
  minWords?: number;
  fragments?: number;
  all?: boolean;
}): string {
  const marks = `StartSel=${MARK_START}, StopSel=${MARK_END}`;
  if (options.all) return `${marks}, HighlightAll=true`;
  const fragments = options.fragments ?? 1;
  return `${marks}, MaxWords=${options.maxWords ?? 28}, MinWords=${options.minWords ?? 12}, MaxFragments=${fragments}${fragments > 1 ? ', FragmentDelimiter=" … "' : ""}`;
}

export function snippetHtml(raw: string): string {
  const escaped = raw
    .replace(/```\w*|[`*#>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return escaped.replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

/** True when the text has a highlight. */
export const hasMark = (raw: string) => raw.includes(MARK_START);
