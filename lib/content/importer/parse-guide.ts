// Parses a markdown interview guide in the seed guide's shape (see README "Importing a guide"):
//   # Guide title            intro until the next "#" heading is not a question
//   # Topic                  every later "#" heading outside an answer, fence or code snippet
//   <details><summary>1. Question</summary> answer </details>    a question with an answer (maybe empty)
//   Plain line under a topic                                       a question without an answer
import { repairMojibake } from "./mojibake";

export type GuideQuestion = { text: string; line: number; answer: string | null };
export type GuideTopic = { name: string; line: number; questions: GuideQuestion[] };
export type GuideProblem = { line: number; message: string };
export type ParsedGuide = {
  title: string | null;
  topics: GuideTopic[];
  errors: GuideProblem[];
  repairedCharacters: number;
  stats: { topics: number; questions: number; answered: number; emptyAnswers: number; unanswered: number };
};

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^#\s+(.+?)\s*#*\s*$/;
const DETAILS_OPEN = /^\s*<details\b[^>]*>/i;
const DETAILS_CLOSE = /<\/details\s*>/i;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;
const NOISE = /^\s*(-{3,}|\*{3,}|_{3,}|<\/?br\s*\/?>|<hr\s*\/?>)\s*$/i;
const CODE_LINE =
  /^(\s{4,}|\t)\S|^\s*(def |class |from \S+ import |import \S|@\w|return\b|\w+(\.\w+)*\s*=[^=]|\w+(\.\w+)+\(.*\)\s*$)/;

/** "3. What is X?" -> "What is X?"; also "3)" and "Q3." numbering. */
export function stripNumbering(text: string): string {
  return text.replace(/^\s*(?:Q\s*)?\d+\s*[.)]\s*/i, "").trim();
}

function cleanAnswer(lines: string[]): string {
  const kept = lines.filter((line) => !NOISE.test(line));
  return kept
    .join("\n")
    .replace(/^\s*\n+|\n+\s*$/g, "")
    .trim();
}

export function parseGuide(input: string): ParsedGuide {
  const repaired = repairMojibake(input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  const lines = repaired.text.split("\n");
  const errors: GuideProblem[] = [];
  const topics: GuideTopic[] = [];
  let title: string | null = null;
  let topic: GuideTopic | null = null;

  let open: {
    line: number;
    summary: string | null;
    summaryOpen: boolean;
    body: string[];
    fenceLine: number | null;
  } | null = null;
  let fenceLine: number | null = null; // a fence outside any <details>

  const isCodeContext = (index: number) => {
    const near = (step: number) => {
      for (let j = index + step; j >= 0 && j < lines.length; j += step) if (lines[j]!.trim()) return lines[j]!;
      return "";
    };
    return CODE_LINE.test(near(-1)) || CODE_LINE.test(near(1));
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const number = i + 1;

    if (open) {
      if (open.summaryOpen) {
        const end = line.search(/<\/summary\s*>/i);
        open.summary = `${open.summary ?? ""} ${end >= 0 ? line.slice(0, end) : line}`;
        if (end >= 0) {
          open.summaryOpen = false;
          const rest = line.slice(line.indexOf(">", end) + 1);
          if (rest.trim()) open.body.push(rest);
        }
        continue;
      }
      if (FENCE.test(line)) open.fenceLine = open.fenceLine === null ? number : null;
      if (open.fenceLine === null && DETAILS_CLOSE.test(line)) {
        const before = line.slice(0, line.search(DETAILS_CLOSE));
        if (before.trim()) open.body.push(before);
        const text = stripNumbering((open.summary ?? "").replace(/<[^>]+>/g, "").replace(/\s+/g, " "));
        if (!text) errors.push({ line: open.line, message: "a <details> block has no question text in its <summary>" });
        else if (!topic) errors.push({ line: open.line, message: "a question appears before the first topic heading" });
        else topic.questions.push({ text, line: open.line, answer: cleanAnswer(open.body) });
        open = null;
        continue;
      }
      if (open.fenceLine === null && DETAILS_OPEN.test(line)) {
        errors.push({ line: open.line, message: "<details> is not closed before the next <details> opens" });
        open = null;
        i--; // read this line again as the start of the next block
        continue;
      }
      open.body.push(line);
      continue;
    }

    if (fenceLine !== null) {
      if (FENCE.test(line)) fenceLine = null;
      continue;
    }
    if (FENCE.test(line)) {
      fenceLine = number;
      continue;
    }

    if (DETAILS_OPEN.test(line)) {
      const summary = SUMMARY.exec(line);
      const afterOpen = line.replace(DETAILS_OPEN, "");
      open = { line: number, summary: summary ? summary[1]! : null, summaryOpen: false, body: [], fenceLine: null };
      if (summary) {
        const rest = line.slice(line.search(/<\/summary\s*>/i)).replace(/<\/summary\s*>/i, "");
        if (DETAILS_CLOSE.test(rest)) {
          i--; // the whole block is on one line: let the closing branch handle it
          lines[i + 1] = rest;
        } else if (rest.trim()) open.body.push(rest);
      } else if (/<summary\b/i.test(afterOpen)) {
        open.summaryOpen = true;
        open.summary = afterOpen.replace(/^[\s\S]*?<summary\b[^>]*>/i, "");
      } else {
        // <summary> on a following line
        const next = lines[i + 1] ?? "";
        if (/^\s*<summary\b/i.test(next)) {
          i++;
          const inline = SUMMARY.exec(next);
          if (inline) open.summary = inline[1]!;
          else {
            open.summaryOpen = true;
            open.summary = next.replace(/^\s*<summary\b[^>]*>/i, "");
          }
        }
      }
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading && title !== null && isCodeContext(i)) continue; // a comment in an unfenced code snippet
    if (heading) {
      if (title === null) title = heading[1]!.trim();
      else {
        topic = { name: heading[1]!.trim(), line: number, questions: [] };
        topics.push(topic);
      }
      continue;
    }

    if (!topic || !line.trim() || NOISE.test(line) || /^\s*<\/?\w+[^>]*>\s*$/.test(line)) continue;
    if (/^\s*#{2,}\s/.test(line)) continue; // sub-headings are not questions
    if (CODE_LINE.test(line)) continue; // unfenced code (indented, or a Python statement) is not a question
    const text = stripNumbering(line.replace(/^\s*[-*+]\s+/, ""));
    if (text) topic.questions.push({ text, line: number, answer: null });
  }

  if (open)
    errors.push({
      line: open.line,
      message:
        open.fenceLine !== null
          ? `code fence opened at line ${open.fenceLine} is not closed`
          : "<details> is never closed",
    });
  if (fenceLine !== null) errors.push({ line: fenceLine, message: "code fence is never closed" });
  if (title === null) errors.push({ line: 1, message: "the guide has no # title" });

  const questions = topics.flatMap((t) => t.questions);
  return {
    title,
    topics,
    errors: errors.sort((a, b) => a.line - b.line),
    repairedCharacters: repaired.repaired,
    stats: {
      topics: topics.length,
      questions: questions.length,
      answered: questions.filter((q) => q.answer).length,
      emptyAnswers: questions.filter((q) => q.answer === "").length,
      unanswered: questions.filter((q) => q.answer === null).length,
    },
  };
}
