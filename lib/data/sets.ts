import "server-only";
import { db } from "../db/client";
import { AppError } from "../http/errors";
import { Prisma } from "../generated/prisma/client";
import { MAX_SET_QUESTIONS, MAX_SETS } from "../schemas/sets";
import { questionIdBySlug } from "./notes";

const questionRef = {
  slug: true,
  title: true,
  difficulty: true,
  topic: { select: { slug: true, name: true } },
} as const;
const ref = (q: { slug: string; title: string; difficulty: string; topic: { slug: string; name: string } }) => ({
  slug: q.slug,
  title: q.title,
  difficulty: q.difficulty.toLowerCase(),
  topic: q.topic,
});

// ---- Bookmarks ----

export async function setBookmark(userId: string, slug: string, on: boolean) {
  const questionId = await questionIdBySlug(slug);
  if (on) {
    // ON CONFLICT DO NOTHING: two tabs bookmarking at once both succeed (an upsert raced into a unique violation).
    await db().bookmark.createMany({ data: [{ userId, questionId }], skipDuplicates: true });
  } else {
    await db().bookmark.deleteMany({ where: { userId, questionId } });
  }
  return { bookmarked: on };
}

export async function listBookmarks(userId: string) {
  const rows = await db().bookmark.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { questionId: "asc" }],
    take: 1_000,
    include: { question: { select: questionRef } },
  });
  return { items: rows.map((r) => ({ ...ref(r.question), bookmarkedAt: r.createdAt.toISOString() })) };
}

// ---- Sets ----

export const setNotFound = () => new AppError("NOT_FOUND", "No such set.");
const duplicateName = () =>
  new AppError("VALIDATION", "Some fields are invalid.", {
    fields: { name: ["You already have a set with this name."] },
  });
const isUnique = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function listSets(userId: string) {
  const rows = await db().questionSet.findMany({
    where: { userId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    include: { _count: { select: { items: true } } },
  });
  return {
    items: rows.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      questionCount: s._count.items,
      updatedAt: s.updatedAt.toISOString(),
    })),
  };
}

async function ownedSet(userId: string, id: string) {
  const set = await db().questionSet.findFirst({ where: { id, userId }, select: { id: true } });
  if (!set) throw setNotFound();
  return set;
}

export async function getSet(userId: string, id: string) {
  const set = await db().questionSet.findFirst({
    where: { id, userId },
    include: {
      items: { orderBy: [{ addedAt: "asc" }, { questionId: "asc" }], include: { question: { select: questionRef } } },
    },
  });
  if (!set) throw setNotFound();
  return {
    id: set.id,
    name: set.name,
    description: set.description,
    questionCount: set.items.length,
    updatedAt: set.updatedAt.toISOString(),
    questions: set.items.map((i) => ref(i.question)),
  };
}

export async function createSet(userId: string, input: { name: string; description: string; questions: string[] }) {
  const slugs = [...new Set(input.questions)];
  const questions = slugs.length
    ? await db().question.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })
    : [];
  const unknown = slugs.filter((s) => !questions.some((q) => q.slug === s));
  if (unknown.length)
    throw new AppError("VALIDATION", "Some fields are invalid.", {
      fields: { questions: [`No such question: ${unknown.slice(0, 5).join(", ")}.`] },
    });
  try {
    return await db().$transaction(async (tx) => {
      // Serialize a user's set creations so the 200-set limit holds under concurrency.
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('sets:' || ${userId}))`;
      if ((await tx.questionSet.count({ where: { userId } })) >= MAX_SETS) {
        throw new AppError("CONFLICT", `You can keep at most ${MAX_SETS} sets. Delete one first.`);
      }
      const now = Date.now();
      const set = await tx.questionSet.create({
        data: {
          userId,
          name: input.name,
          description: input.description,
          // addedAt keeps the order the questions were given in.
          items: {
            create: slugs.map((slug, i) => ({
              questionId: questions.find((q) => q.slug === slug)!.id,
              addedAt: new Date(now + i),
            })),
          },
        },
      });
      return {
        id: set.id,
        name: set.name,
        description: set.description,
        questionCount: slugs.length,
        updatedAt: set.updatedAt.toISOString(),
      };
    });
  } catch (error) {
    if (isUnique(error)) throw duplicateName();
    throw error;
  }
}

export async function updateSet(userId: string, id: string, input: { name?: string; description?: string }) {
  await ownedSet(userId, id);
  try {
    await db().questionSet.update({ where: { id }, data: input });
  } catch (error) {
    if (isUnique(error)) throw duplicateName();
    throw error;
  }
  return getSet(userId, id);
}

export async function deleteSet(userId: string, id: string) {
  const deleted = await db().questionSet.deleteMany({ where: { id, userId } });
  if (!deleted.count) throw setNotFound();
}

export async function addToSet(userId: string, id: string, slug: string) {
  await ownedSet(userId, id);
  const questionId = await questionIdBySlug(slug);
  await db().$transaction(async (tx) => {
    const count = await tx.questionSetItem.count({ where: { setId: id } });
    const exists = await tx.questionSetItem.findUnique({ where: { setId_questionId: { setId: id, questionId } } });
    if (exists) return;
    if (count >= MAX_SET_QUESTIONS)
      throw new AppError("CONFLICT", `A set holds at most ${MAX_SET_QUESTIONS} questions.`);
    // A concurrent add of the same question may have come first: then there is nothing to do.
    const added = await tx.questionSetItem.createMany({ data: [{ setId: id, questionId }], skipDuplicates: true });
    if (added.count) await tx.questionSet.update({ where: { id }, data: { updatedAt: new Date() } });
  });
  return { added: true };
}

export async function removeFromSet(userId: string, id: string, slug: string) {
  await ownedSet(userId, id);
  const questionId = await questionIdBySlug(slug);
  const deleted = await db().questionSetItem.deleteMany({ where: { setId: id, questionId } });
  if (!deleted.count) throw new AppError("NOT_FOUND", "This question is not in the set.");
  await db().questionSet.update({ where: { id }, data: { updatedAt: new Date() } });
}
