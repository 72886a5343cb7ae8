import { apiRoute, assertSameOrigin, json, readJson, requireApiUserId, uuidOr404 } from "@/lib/http/api";
import { saveAnswer } from "@/lib/data/answers";
import { MAX_ANSWER_BYTES, saveAnswerSchema } from "@/lib/schemas/interviews";

type Context = { params: Promise<{ id: string; questionId: string }> };

// JSON escaping can double a body's size; the 100 KB limit applies to the answer itself (413 past it).
const BODY_LIMIT = 2 * MAX_ANSWER_BYTES + 1024;

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  // The save's UPDATE checks that the interview is this user's: no separate read of the user row.
  const userId = await requireApiUserId(request);
  const { id, questionId } = await params;
  const input = await readJson(request, saveAnswerSchema, BODY_LIMIT);
  return json(await saveAnswer(userId, uuidOr404(id), uuidOr404(questionId, "question"), input));
});
