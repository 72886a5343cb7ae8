import { apiRoute, assertSameOrigin, json, readJson, readQuery, requireApiAdmin } from "@/lib/http/api";
import { createQuestion, listEditableQuestions } from "@/lib/data/question-editor";
import { adminQuestionListQuerySchema, createQuestionSchema } from "@/lib/schemas/question-editor";

export const GET = apiRoute(async (request) => {
  await requireApiAdmin(request);
  return json(await listEditableQuestions(readQuery(request, adminQuestionListQuerySchema)));
});

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  return json(await createQuestion(admin.id, await readJson(request, createQuestionSchema)), { status: 201 });
});
