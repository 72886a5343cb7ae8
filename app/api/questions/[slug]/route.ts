import { apiRoute, json, movedPermanently, signedInUserId } from "@/lib/http/api";
import { getQuestion, questionMovedTo } from "@/lib/data/questions";
import { runningTimedInterview, withholdQuestion } from "@/lib/data/withheld";
import { AppError } from "@/lib/http/errors";
import { slugSchema } from "@/lib/schemas/content";

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const slug = slugSchema.safeParse((await params).slug);
  const question = slug.success ? await getQuestion(slug.data) : null;
  // A question merged into another answers with the kept one's address, for good (seed/merge.ts).
  const movedTo = slug.success && (!question || question.archived) ? await questionMovedTo(slug.data) : null;
  if (movedTo) return movedPermanently(request, `/api/questions/${movedTo}`);
  if (!question) throw new AppError("NOT_FOUND", "No question with that slug.");
  const userId = await signedInUserId(request);
  if (!userId) return json(question, { headers: { "cache-control": "public, max-age=60" } });
  // Signed in: the answer depends on the user (lib/data/withheld.ts), so no cache may keep it.
  const running = await runningTimedInterview(userId);
  return json(running?.slugs.has(question.slug) ? withholdQuestion(question) : question, {
    headers: { "cache-control": "private, no-store" },
  });
});
