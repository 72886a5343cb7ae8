import { apiRoute, assertSameOrigin, json, readJson, requireApiUserId, uuidOr404 } from "@/lib/http/api";
import { setCurrentQuestion } from "@/lib/data/interviews";
import { currentQuestionSchema } from "@/lib/schemas/interviews";

type Context = { params: Promise<{ id: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  // setCurrentQuestion checks the interview's owner in its one statement: no separate read of the user row.
  const userId = await requireApiUserId(request);
  const { questionId } = await readJson(request, currentQuestionSchema);
  return json(await setCurrentQuestion(userId, uuidOr404((await params).id), questionId));
});
