import "server-only";
import { db } from "../db/client";
import { lower } from "../db/enums";
import { REASON_LABELS } from "../schemas/report-reasons";
import * as rows from "./account-export-rows";

const percent = (value: number | null) => (value === null ? "not scored" : `${Math.round(value * 100)}%`);
/** Quotes a user's text so it cannot break the document's own headings. */
const block = (text: string) => (text.trim() ? text.trim() : "_(empty)_");
const minute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");
const paragraphs = (...lines: string[]) => lines.map((line) => `${line}\n\n`).join("");

/**
 * One readable document: a section per interview (questions, answers, model answers), practice answers, notes, and
 * the problems reported on questions with the replies.
 */
export async function* markdownPieces(userId: string, email: string, now: Date): AsyncGenerator<string> {
  const [interviews, practice, notes, reports] = await Promise.all([
    db().interview.count({ where: { userId } }),
    db().practiceAnswer.count({ where: { userId } }),
    db().note.count({ where: { userId } }),
    db().report.count({ where: { userId } }),
  ]);
  yield paragraphs(`# Mockroom export for ${email}`, `Exported ${now.toISOString()}.`, `## Interviews (${interviews})`);
  if (!interviews) yield paragraphs("_No interviews yet._");
  for await (const part of rows.interviewParts(userId, true)) {
    if (part.type === "start") {
      const i = part.row;
      yield paragraphs(
        `### ${i.title}, ${minute(i.startedAt)} UTC`,
        `${i.mode.toLowerCase()} mode · ${i.status.toLowerCase().replace("_", " ")} · score ${percent(i.score)}`,
      );
    } else if (part.type === "child") {
      const q = part.child;
      yield paragraphs(
        `#### ${q.position + 1}. ${q.title}`,
        ...(q.prompt ? [q.prompt.trim()] : []),
        "**Your answer**",
        block(q.content),
      );
      if (q.lateContent) yield paragraphs("**Typed after time was up (not submitted)**", block(q.lateContent));
      yield paragraphs(`Score: ${percent(q.score)}${q.rating ? ` · your rating: ${q.rating.toLowerCase()}` : ""}`);
      if (q.modelAnswer) yield paragraphs("**Model answer**", q.modelAnswer.trim());
    }
  }
  yield paragraphs(`## Practice answers (${practice})`);
  if (!practice) yield paragraphs("_No practice answers yet._");
  let draft = "";
  let lastVersion: string | undefined;
  for await (const part of rows.practiceParts(userId)) {
    if (part.type === "start") {
      const p = part.row;
      yield paragraphs(`### ${p.question.title}`, ...(p.rating ? [`Your rating: ${p.rating.toLowerCase()}`] : []));
      [draft, lastVersion] = [p.draft, undefined];
    } else if (part.type === "child") {
      const v = part.child;
      yield paragraphs(
        `**Version ${v.number}** (${minute(v.createdAt)} UTC, key points ${percent(v.score)})`,
        block(v.content),
      );
      lastVersion = v.content;
    } else if (draft && draft !== lastVersion) {
      yield paragraphs("**Unsaved draft**", block(draft));
    }
  }
  yield paragraphs(`## Notes (${notes})`);
  if (!notes) yield paragraphs("_No notes yet._");
  for await (const n of rows.notes(userId)) yield paragraphs(`### ${n.question.title}`, block(n.content));
  yield paragraphs(`## Problems you reported (${reports})`);
  if (!reports) yield paragraphs("_No reports sent._");
  for await (const r of rows.reports(userId)) {
    const closed = r.closedAt ? ` on ${minute(r.closedAt)} UTC` : "";
    yield paragraphs(
      `### ${r.question.title}`,
      `${REASON_LABELS[lower(r.reason)]} · sent ${minute(r.createdAt)} UTC · ${r.status.toLowerCase()}${closed}`,
      block(r.details),
      ...(r.reply ? ["**Reply**", block(r.reply)] : []),
    );
  }
}
