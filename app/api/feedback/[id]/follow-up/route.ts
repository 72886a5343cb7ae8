import { apiRoute, assertSameOrigin, json, readJson, requireApiUserId, uuidOr404 } from "@/lib/http/api";
import { answerFollowUp } from "@/lib/data/ai-feedback";
import { followUpAnswerSchema } from "@/lib/schemas/ai";

type Context = { params: Promise<{ id: string }> };

/** The user's answer to the follow-up question of a feedback, and the model's feedback on it. */
export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  const id = uuidOr404((await params).id, "feedback");
  const { answer } = await readJson(request, followUpAnswerSchema, 128 * 1024);
  return json(await answerFollowUp(userId, id, answer), { status: 201 });
});
