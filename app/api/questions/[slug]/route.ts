import { apiRoute, json } from "@/lib/api";
import { getQuestion } from "@/lib/data/questions";
import { AppError } from "@/lib/errors";
import { slugSchema } from "@/lib/schemas/content";

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const slug = slugSchema.safeParse((await params).slug);
  const question = slug.success ? await getQuestion(slug.data) : null;
  if (!question) throw new AppError("NOT_FOUND", "No question with that slug.");
  return json(question, { headers: { "cache-control": "public, max-age=60" } });
});
