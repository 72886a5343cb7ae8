// Writes a parsed guide into the question bank, in one transaction. Questions are matched by
// (source, the guide's own wording), so importing the same file twice creates nothing new, and an
// answer already in the bank is never replaced (the bank's curated answers outrank a guide's).
import crypto from "node:crypto";
import type { PrismaClient } from "../../db/prisma-client";
import { refreshSearchWords } from "../../search/refresh-words";
import type { ParsedGuide } from "./parse-guide";
import { rubricOfContent } from "../../scoring/derive";

export const MAX_GUIDE_BYTES = 5 * 1024 * 1024;

export type ImportPlan = {
  topics: { create: string[]; existing: string[] };
  questions: { create: number; update: number; unchanged: number };
};

export function slugify(text: string, max = 80): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** Deterministic, so a re-import finds the same slug; the hash keeps different wordings apart. */
function questionSlug(source: string, text: string): string {
  const hash = crypto.createHash("sha256").update(`${source}\n${text}`).digest("hex").slice(0, 8);
  return `${slugify(`${source} ${text}`, 100)}-${hash}`;
}

export async function importGuide(
  db: PrismaClient,
  guide: ParsedGuide,
  options: { source: string; dryRun: boolean },
): Promise<ImportPlan> {
  const plan: ImportPlan = { topics: { create: [], existing: [] }, questions: { create: 0, update: 0, unchanged: 0 } };
  const rollback = new Error("dry run");
  try {
    await db.$transaction(
      async (tx) => {
        // One import at a time (the command and the admin page alike): questions are matched by their wording,
        // which no unique index holds, so two at once could both create the same question.
        await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('mockroom:import-guide'))`;
        // A guide's topic matches a bank topic by slug or by name, ignoring case, punctuation and "(DRF)"-style asides.
        const key = (name: string) => slugify(name.replace(/\([^)]*\)/g, "")) || slugify(name);
        const topics = await tx.topic.findMany();
        const known = new Map([
          ...topics.map((t) => [key(t.name), t] as const),
          ...topics.map((t) => [t.slug, t] as const),
        ]);
        let order = Math.max(0, ...topics.map((t) => t.order));
        const existing = new Map(
          (
            await tx.question.findMany({
              where: { source: options.source },
              select: { id: true, sourceRef: true, modelAnswer: true, archivedAt: true },
            })
          ).map((q) => [q.sourceRef, q]),
        );
        for (const topic of guide.topics) {
          const slug = key(topic.name);
          let row = known.get(slug);
          if (row) plan.topics.existing.push(topic.name);
          else {
            plan.topics.create.push(topic.name);
            row = await tx.topic.create({ data: { slug, name: topic.name, order: ++order } });
            known.set(slug, row);
          }
          for (const question of topic.questions) {
            const answer = question.answer ?? "";
            const match = existing.get(question.text);
            if (!match) {
              await tx.question.create({
                data: {
                  slug: questionSlug(options.source, question.text),
                  title: question.text.slice(0, 300),
                  prompt: question.text,
                  modelAnswer: answer,
                  // A guide gives no key points, so there is nothing to derive a rubric from yet: an empty one, marked derived.
                  keyPoints: [],
                  rubric: rubricOfContent([]),
                  difficulty: "MEDIUM",
                  kind: "WRITTEN",
                  topicId: row.id,
                  tags: [row.slug],
                  estimatedMinutes: 5,
                  source: options.source,
                  sourceRef: question.text,
                },
              });
              plan.questions.create++;
            } else if ((!match.modelAnswer && answer) || match.archivedAt) {
              await tx.question.update({
                where: { id: match.id },
                data: { modelAnswer: match.modelAnswer || answer, archivedAt: null, revision: { increment: 1 } },
              });
              plan.questions.update++;
            } else plan.questions.unchanged++;
          }
        }
        if (options.dryRun) throw rollback;
        await refreshSearchWords(tx);
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return plan;
}
