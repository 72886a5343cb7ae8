import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma, Rating } from "../generated/prisma/client";
import type { KeyPointCoverage } from "../interviews/scoring";
import { verifyPassword } from "../password";
import { keys } from "../rate-limit-rules";
import { forgetUserSessions } from "./sessions";

/** How recent a sign-in must be to delete an account that has no password. */
export const REAUTH_SECONDS = 600;
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from "../schemas/workspace";

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything the user owns, in the documented export shape (lib/schemas/workspace.ts, ExportDocument). */
export async function exportDocument(userId: string, now = new Date()): Promise<ExportDocument> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  const slug = { select: { slug: true, title: true } } as const;
  const [interviews, practice, notes, bookmarks, sets, cards, log] = await Promise.all([
    db().interview.findMany({
      where: { userId },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      include: { company: { select: { slug: true } }, questions: { orderBy: { position: "asc" }, include: { question: slug } } },
    }),
    db().practiceAnswer.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, include: { question: slug, versions: { orderBy: { number: "asc" } } } }),
    db().note.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, include: { question: slug } }),
    db().bookmark.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, include: { question: slug } }),
    db().questionSet.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      include: { items: { orderBy: [{ addedAt: "asc" }, { questionId: "asc" }], include: { question: slug } } },
    }),
    db().reviewCard.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, include: { question: slug } }),
    db().reviewLog.findMany({ where: { userId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }], include: { question: slug } }),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: iso(now),
    profile: { email: user.email, name: user.name, timeMultiplier: user.timeMultiplier, timeZone: user.timeZone, createdAt: iso(user.createdAt) },
    interviews: interviews.map((i) => ({
      title: i.title, company: i.company?.slug ?? null, mode: lower(i.mode), status: lower(i.status), seed: i.seed, topicFocus: i.topicFocus,
      timeMultiplier: i.timeMultiplier, startedAt: iso(i.startedAt), deadlineAt: isoOrNull(i.deadlineAt), endedAt: isoOrNull(i.endedAt), score: i.score,
      questions: i.questions.map((q) => ({
        question: q.question.slug, title: q.question.title, position: q.position, content: q.content, revision: q.revision, flagged: q.flagged,
        lateContent: q.lateContent, timeSpentSeconds: q.timeSpentSeconds, answeredAt: isoOrNull(q.answeredAt),
        coverage: (q.coverage as KeyPointCoverage[] | null) ?? null, score: q.score, rating: q.rating ? lower(q.rating) : null,
      })),
    })),
    practiceAnswers: practice.map((p) => ({
      question: p.question.slug, draft: p.draft, revision: p.revision, rating: p.rating ? lower(p.rating) : null, ratedAt: isoOrNull(p.ratedAt),
      createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt),
      versions: p.versions.map((v) => ({ number: v.number, content: v.content, score: v.score, coverage: v.coverage as KeyPointCoverage[], createdAt: iso(v.createdAt) })),
    })),
    notes: notes.map((n) => ({ question: n.question.slug, content: n.content, revision: n.revision, createdAt: iso(n.createdAt), updatedAt: iso(n.updatedAt) })),
    bookmarks: bookmarks.map((b) => ({ question: b.question.slug, createdAt: iso(b.createdAt) })),
    sets: sets.map((s) => ({ name: s.name, description: s.description, createdAt: iso(s.createdAt), questions: s.items.map((i) => i.question.slug) })),
    reviewCards: cards.map((c) => ({
      question: c.question.slug, reason: lower(c.reason), due: iso(c.due), stability: c.stability, difficulty: c.difficulty, elapsedDays: c.elapsedDays,
      scheduledDays: c.scheduledDays, learningSteps: c.learningSteps, reps: c.reps, lapses: c.lapses, state: c.state, lastReview: isoOrNull(c.lastReview),
      createdAt: iso(c.createdAt),
    })),
    reviewLog: log.map((l) => ({ question: l.question.slug, rating: lower(l.rating), source: lower(l.source), reviewedAt: iso(l.reviewedAt), due: iso(l.due) })),
  };
}

const percent = (value: number | null) => (value === null ? "not scored" : `${Math.round(value * 100)}%`);
/** Quotes a user's text so it cannot break the document's own headings. */
const block = (text: string) => (text.trim() ? text.trim() : "_(empty)_");

/** One readable document: a section per interview (questions, answers, model answers), practice answers, notes. */
export async function exportMarkdown(userId: string, now = new Date()): Promise<string> {
  const doc = await exportDocument(userId, now);
  const slugs = new Set<string>([
    ...doc.interviews.flatMap((i) => i.questions.map((q) => q.question)),
    ...doc.practiceAnswers.map((p) => p.question),
    ...doc.notes.map((n) => n.question),
  ]);
  const questions = new Map(
    (await db().question.findMany({ where: { slug: { in: [...slugs] } }, select: { slug: true, title: true, prompt: true, modelAnswer: true } })).map((q) => [q.slug, q]),
  );
  const title = (slug: string) => questions.get(slug)?.title ?? slug;
  const out: string[] = [`# Mockroom export for ${doc.profile.email}`, "", `Exported ${doc.exportedAt}.`, ""];
  out.push(`## Interviews (${doc.interviews.length})`, "");
  if (!doc.interviews.length) out.push("_No interviews yet._", "");
  for (const interview of doc.interviews) {
    out.push(`### ${interview.title}, ${interview.startedAt.slice(0, 16).replace("T", " ")} UTC`, "");
    out.push(`${interview.mode} mode · ${interview.status.replace("_", " ")} · score ${percent(interview.score)}`, "");
    for (const q of interview.questions) {
      const question = questions.get(q.question);
      out.push(`#### ${q.position + 1}. ${title(q.question)}`, "");
      if (question) out.push(question.prompt.trim(), "");
      out.push("**Your answer**", "", block(q.content), "");
      if (q.lateContent) out.push("**Typed after time was up (not submitted)**", "", block(q.lateContent), "");
      out.push(`Score: ${percent(q.score)}${q.rating ? ` · your rating: ${q.rating}` : ""}`, "");
      if (question) out.push("**Model answer**", "", question.modelAnswer.trim(), "");
    }
  }
  out.push(`## Practice answers (${doc.practiceAnswers.length})`, "");
  if (!doc.practiceAnswers.length) out.push("_No practice answers yet._", "");
  for (const p of doc.practiceAnswers) {
    out.push(`### ${title(p.question)}`, "");
    if (p.rating) out.push(`Your rating: ${p.rating}`, "");
    for (const v of p.versions) out.push(`**Version ${v.number}** (${v.createdAt.slice(0, 16).replace("T", " ")} UTC, key points ${percent(v.score)})`, "", block(v.content), "");
    if (p.draft && p.draft !== p.versions.at(-1)?.content) out.push("**Unsaved draft**", "", block(p.draft), "");
  }
  out.push(`## Notes (${doc.notes.length})`, "");
  if (!doc.notes.length) out.push("_No notes yet._", "");
  for (const n of doc.notes) out.push(`### ${title(n.question)}`, "", block(n.content), "");
  return out.join("\n");
}

/**
 * Loads an export into an account that holds nothing yet, in one transaction. Rows naming a question
 * this bank does not have are skipped and counted, never guessed.
 */
export async function importDocument(userId: string, doc: ExportDocument) {
  return db().$transaction(
    async (tx) => {
      const owned = await Promise.all([
        tx.interview.count({ where: { userId } }), tx.note.count({ where: { userId } }), tx.practiceAnswer.count({ where: { userId } }),
        tx.bookmark.count({ where: { userId } }), tx.questionSet.count({ where: { userId } }), tx.reviewCard.count({ where: { userId } }),
        tx.reviewLog.count({ where: { userId } }),
      ]);
      if (owned.some((n) => n > 0)) throw new AppError("CONFLICT", "Import only into an empty account: this one already holds data.");

      const slugs = new Set<string>([
        ...doc.interviews.flatMap((i) => i.questions.map((q) => q.question)), ...doc.practiceAnswers.map((p) => p.question), ...doc.notes.map((n) => n.question),
        ...doc.bookmarks.map((b) => b.question), ...doc.sets.flatMap((s) => s.questions), ...doc.reviewCards.map((c) => c.question), ...doc.reviewLog.map((l) => l.question),
      ]);
      const ids = new Map((await tx.question.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } })).map((q) => [q.slug, q.id]));
      const companies = new Map((await tx.companyProfile.findMany({ select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
      const skipped: string[] = [];
      const known = <T extends { question: string }>(rows: T[]) =>
        rows.filter((r) => {
          if (ids.has(r.question)) return true;
          skipped.push(r.question);
          return false;
        });
      const upper = <T extends string>(v: T) => v.toUpperCase() as Uppercase<T>;
      const date = (v: string | null) => (v ? new Date(v) : null);

      await tx.user.update({ where: { id: userId }, data: { timeMultiplier: doc.profile.timeMultiplier, timeZone: doc.profile.timeZone } });
      for (const i of doc.interviews) {
        const questions = known(i.questions);
        if (!questions.length) continue;
        // Imported interviews are history: one still running in the export is imported as abandoned.
        const status = i.status === "in_progress" ? "ABANDONED" : upper(i.status);
        await tx.interview.create({
          data: {
            userId, title: i.title, companyId: i.company ? (companies.get(i.company) ?? null) : null, mode: upper(i.mode), status, seed: i.seed,
            topicFocus: i.topicFocus, timeMultiplier: i.timeMultiplier, startedAt: new Date(i.startedAt), deadlineAt: date(i.deadlineAt),
            endedAt: date(i.endedAt) ?? new Date(i.startedAt), score: i.score,
            questions: {
              create: questions.map((q) => ({
                questionId: ids.get(q.question)!, position: q.position, content: q.content, revision: q.revision, flagged: q.flagged, lateContent: q.lateContent,
                timeSpentSeconds: q.timeSpentSeconds, answeredAt: date(q.answeredAt), coverage: (q.coverage ?? undefined) as Prisma.InputJsonValue | undefined,
                score: q.score, rating: q.rating ? (upper(q.rating) as Rating) : null,
              })),
            },
          },
        });
      }
      for (const p of known(doc.practiceAnswers)) {
        await tx.practiceAnswer.create({
          data: {
            userId, questionId: ids.get(p.question)!, draft: p.draft, revision: p.revision, rating: p.rating ? (upper(p.rating) as Rating) : null,
            ratedAt: date(p.ratedAt), createdAt: new Date(p.createdAt), updatedAt: new Date(p.updatedAt),
            versions: { create: p.versions.map((v) => ({ number: v.number, content: v.content, score: v.score, coverage: v.coverage, createdAt: new Date(v.createdAt) })) },
          },
        });
      }
      const notes = known(doc.notes);
      if (notes.length) {
        await tx.note.createMany({
          data: notes.map((n) => ({ userId, questionId: ids.get(n.question)!, content: n.content, revision: n.revision, createdAt: new Date(n.createdAt), updatedAt: new Date(n.updatedAt) })),
          skipDuplicates: true,
        });
      }
      const bookmarks = known(doc.bookmarks);
      if (bookmarks.length) {
        await tx.bookmark.createMany({ data: bookmarks.map((b) => ({ userId, questionId: ids.get(b.question)!, createdAt: new Date(b.createdAt) })), skipDuplicates: true });
      }
      for (const s of doc.sets) {
        const members = [...new Set(s.questions)].filter((slug) => ids.has(slug) || (skipped.push(slug), false));
        const created = new Date(s.createdAt).getTime();
        await tx.questionSet.create({
          data: {
            userId, name: s.name, description: s.description, createdAt: new Date(s.createdAt),
            items: { create: members.map((slug, n) => ({ questionId: ids.get(slug)!, addedAt: new Date(created + n) })) },
          },
        });
      }
      const cards = known(doc.reviewCards);
      if (cards.length) {
        await tx.reviewCard.createMany({
          data: cards.map((c) => ({
            userId, questionId: ids.get(c.question)!, reason: upper(c.reason), due: new Date(c.due), stability: c.stability, difficulty: c.difficulty,
            elapsedDays: c.elapsedDays, scheduledDays: c.scheduledDays, learningSteps: c.learningSteps, reps: c.reps, lapses: c.lapses, state: c.state,
            lastReview: date(c.lastReview), createdAt: new Date(c.createdAt),
          })),
          skipDuplicates: true,
        });
      }
      const log = known(doc.reviewLog);
      if (log.length) {
        await tx.reviewLog.createMany({
          data: log.map((l) => ({ userId, questionId: ids.get(l.question)!, rating: upper(l.rating) as Rating, source: upper(l.source), reviewedAt: new Date(l.reviewedAt), due: new Date(l.due) })),
        });
      }
      return {
        imported: {
          interviews: doc.interviews.length, practiceAnswers: doc.practiceAnswers.length, notes: notes.length, bookmarks: bookmarks.length,
          sets: doc.sets.length, reviewCards: cards.length, reviewLog: log.length,
        },
        skippedQuestions: [...new Set(skipped)],
      };
    },
    { timeout: 60_000 },
  );
}

/**
 * Deletes the account and every row it owns, in one transaction: the user row's foreign keys cascade
 * to interviews, answers, notes, practice answers and versions, bookmarks, sets, review cards and log.
 * So do its sessions (other instances stop accepting them within lib/data/sessions.ts's check interval) and
 * the rate-limit counters keyed by the email. Accounts with a password must give it.
 */
export async function deleteAccount(userId: string, password: string | undefined, signedInAt: number | null, now = new Date()) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  if (user.passwordHash) {
    if (!password || !(await verifyPassword(user.passwordHash, password))) {
      throw new AppError("VALIDATION", "Some fields are invalid.", { fields: { password: ["The password is not correct."] } });
    }
  } else if (!signedInAt || now.getTime() / 1000 - signedInAt > REAUTH_SECONDS) {
    // GitHub/Google accounts have no password to ask for: a sign-in in the last few minutes stands in for it.
    throw new AppError("FORBIDDEN", "Sign in again to confirm, then delete your account within 10 minutes.", { extra: { reauthenticate: true } });
  }
  await db().$transaction([
    // starts_with, not LIKE: "_" and "%" are ordinary characters in an email.
    db().$executeRaw`delete from "RateLimit" where "key" = any(${keys.emailKeys(user.email)}::text[]) or starts_with("key", ${keys.pairPrefix(user.email)})`,
    db().user.delete({ where: { id: userId } }),
  ]);
  forgetUserSessions(userId);
}
