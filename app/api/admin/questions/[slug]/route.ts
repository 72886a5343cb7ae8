import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { editableQuestion, saveQuestion } from "@/lib/data/question-editor";
import { saveQuestionSchema } from "@/lib/schemas/question-editor";

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  await requireApiAdmin(request);
  return json(await editableQuestion(slugOr404((await params).slug)));
});

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const slug = slugOr404((await params).slug);
  return json(await saveQuestion(admin.id, slug, await readJson(request, saveQuestionSchema)));
});
