// Plain prose: paragraphs of ASCII words and ordinary punctuation, with no character markdown gives a meaning to.
// Most written answers are such text, and for it the whole pipeline (remark, GFM, the sanitizer; about 0.8 ms a
// kilobyte, in a worker) makes paragraphs and nothing else. This makes the same HTML on the calling thread in
// microseconds, and says null for anything else, which goes to the pipeline. tests/unit/markdown-prose.test.ts
// checks it against the render worker over generated texts, those that are prose and those that only look it.

/** Characters with no markdown meaning in the middle of a line (no `*_`[]<>&#|~\=+`, no tab). */
const PLAIN_LINE = /^[A-Za-z0-9 ,.;:?!'"()/%-]*$/;
/** An underscore between two letters or digits cannot open or close emphasis (`select_related`). */
const INTRAWORD_UNDERSCORE = /(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])/g;
/** Of what a prose line may hold, the starts that make a line something else: a list item, a rule, a heading's line. */
const BLOCK_START = /^(?:-|\d{1,9}[.)])/;
/** GFM turns these into links on its own. */
const AUTOLINK = /:\/\/|www\./i;

function isProseLine(line: string): boolean {
  // Leading spaces can make code, trailing ones a line break: neither is prose as typed here.
  if (line !== line.trim() || BLOCK_START.test(line) || AUTOLINK.test(line)) return false;
  return PLAIN_LINE.test(line.replace(INTRAWORD_UNDERSCORE, ""));
}

/** The HTML the renderer makes of `text` when it is plain prose, or null when it needs the renderer. */
export function proseHtml(text: string): string | null {
  const lines = text.replace(/^\n+|\n+$/g, "").split("\n");
  const paragraphs: string[][] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === "") {
      current = null;
      continue;
    }
    if (!isProseLine(line)) return null;
    if (!current) paragraphs.push((current = []));
    current.push(line);
  }
  if (!paragraphs.length) return null;
  // Nothing in a prose line needs escaping: `&`, `<` and `>` are not in it, and quotes are left as they are in text.
  return paragraphs.map((p) => `<p>${p.join("\n")}</p>`).join("\n");
}
