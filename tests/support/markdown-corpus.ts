// Pathological markdown, by class, at the size users may store (100 KB): what the renderers must survive
// in bounded time, depth and memory. Shared by the unit tests (tests/unit/markdown-*.test.ts), the
// end-to-end test of the review page and the measurement script (bench/markdown.ts).
export const LIMIT_BYTES = 100 * 1024;

/** `unit` repeated to fill `bytes` (ASCII units: bytes = characters), cut on a whole unit. */
export function fill(unit: string, bytes = LIMIT_BYTES, prefix = "", suffix = ""): string {
  const room = bytes - prefix.length - suffix.length;
  return prefix + unit.repeat(Math.max(0, Math.floor(room / unit.length))) + suffix;
}

/** A line per `make(i)` until `bytes` is reached. */
function lines(make: (i: number) => string, bytes = LIMIT_BYTES, separator = "\n"): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const line = make(i);
    if (size + line.length + separator.length > bytes) break;
    out.push(line);
    size += line.length + separator.length;
  }
  return out.join(separator);
}

/** A run of one delimiter, plain and interleaved with letters (which defeats some fast paths). */
export const DELIMITERS = ["*", "_", "~", "`", "[", "]", "<", "|", "#", ">", "-", "!", "(", ")", "\\", "&", ":"];

export type Case = { name: string; text: string };

export function pathologicalCorpus(bytes = LIMIT_BYTES): Case[] {
  const cases: Case[] = [
    // The examples.
    { name: "`**_` repeated", text: fill("**_", bytes) },
    { name: "`> ` repeated (quotes nested 50,000 deep)", text: fill("> ", bytes) },
    // Deep nesting.
    { name: "nested lists on one line", text: fill("- * ", bytes) },
    { name: "nested ordered lists on one line", text: fill("1. ", bytes) },
    {
      name: "nested lists, one per line, each indented two more",
      text: lines((i) => `${" ".repeat(2 * i)}- x`, bytes),
    },
    { name: "quotes then a list, nested", text: fill("> - ", bytes) },
    { name: "nested emphasis", text: fill("*a _b ", bytes / 2) + fill(" c_ d*", bytes / 2) },
    { name: "nested strong emphasis", text: fill("**a __b ", bytes / 2) + fill(" c__ d**", bytes / 2) },
    { name: "nested links", text: fill("[", bytes / 2) + fill("](u)", bytes / 2) },
    { name: "nested images", text: fill("![", bytes / 2) + fill("](u)", bytes / 2) },
    { name: "nested links with text", text: fill("[a ", bytes / 2) + fill("](b) c", bytes / 2) },
    // Unclosed constructs.
    { name: "unclosed links", text: fill("[a](", bytes) },
    { name: "unclosed link texts", text: fill("[a ", bytes) },
    { name: "unclosed link titles", text: fill('[a](b "', bytes) },
    { name: "unclosed autolinks", text: fill("<http://a", bytes) },
    { name: "unclosed inline code", text: fill("`a ``b ", bytes) },
    { name: "unclosed reference links", text: fill("[a][", bytes) },
    { name: "unclosed HTML", text: fill("<a b='", bytes) },
    { name: "emphasis that never closes", text: fill("*a ", bytes) },
    // Huge tables.
    {
      name: "table with thousands of columns",
      text: `${fill("|a", bytes / 2 - 2, "", "|")}\n${fill("|-", bytes / 2 - 2, "", "|")}`,
    },
    {
      name: "table with many columns and rows",
      text: lines((i) => (i === 1 ? "|-".repeat(200) + "|" : "|a".repeat(200) + "|"), bytes),
    },
    { name: "table with thousands of rows", text: lines((i) => (i === 1 ? "|-|-|" : "|a|b|"), bytes) },
    {
      name: "table with emphasis in every cell",
      text: lines((i) => (i === 1 ? "|-".repeat(50) + "|" : "|**_".repeat(50) + "|"), bytes),
    },
    // Footnotes.
    {
      name: "many footnote references",
      text: lines((i) => `a[^${i % 500}]`, bytes / 2) + "\n\n" + lines((i) => `[^${i}]: note ${i}`, bytes / 2 - 2),
    },
    { name: "nested footnote definitions on one line", text: fill("[^a]: ", bytes) },
    { name: "many footnote definitions", text: lines((i) => `[^${i}]: note [^${i + 1}]`, bytes) },
    { name: "footnotes referencing themselves", text: lines((i) => `[^a${i}]: [^a${i}] [^a${i + 1}]`, bytes) },
    { name: "many reference definitions", text: lines((i) => `[a${i}]: /u${i}\n[a${i}]`, bytes) },
    // Mixtures.
    { name: "headings, quotes and lists interleaved", text: fill("# > - * _ ` [ ~ | \n", bytes) },
    { name: "strikethrough and emphasis runs", text: fill("~~*_~", bytes) },
    { name: "code fence openers", text: fill("```\n~~~\n", bytes) },
    { name: "HTML comments and entities", text: fill("<!-- &amp; &#1; ", bytes) },
  ];
  for (const d of DELIMITERS) {
    cases.push({ name: `run of \`${d}\``, text: fill(d, bytes) });
    cases.push({ name: `\`${d}\` interleaved with letters`, text: fill(`${d}a`, bytes) });
  }
  return cases;
}

/** Fragments fast-check combines into mixtures (tests/unit/markdown-render.test.ts). */
export const FRAGMENTS = [
  "**",
  "__",
  "*",
  "_",
  "~~",
  "`",
  "[",
  "](",
  ")",
  "![",
  "<",
  ">",
  "> ",
  "- ",
  "1. ",
  "|",
  "#",
  "[^1]",
  "[^1]: ",
  "\n",
  "\n\n",
  "  ",
  "a",
  "http://a",
  "\\",
];
