import { apiRoute, assertSameOrigin, json, requireApiUserId, uuidOr404 } from "@/lib/http/api";
import { requestFeedback } from "@/lib/data/ai-feedback";

type Context = { params: Promise<{ id: string; questionId: string }> };

/** AI feedback on an ended interview's answer (only when AI_BASE_URL is set; 404 otherwise). */
export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  const { id, questionId } = await params;
  const target = {
    kind: "interview" as const,
    interviewId: uuidOr404(id),
    questionId: uuidOr404(questionId, "question"),
  };
  return json(await requestFeedback(userId, target), { status: 201 });
});
