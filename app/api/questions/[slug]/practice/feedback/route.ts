import { apiRoute, assertSameOrigin, json, requireApiUserId, slugOr404 } from "@/lib/http/api";
import { requestFeedback } from "@/lib/data/ai-feedback";

type Context = { params: Promise<{ slug: string }> };

/** AI feedback on the practice answer's latest saved version (only when AI_BASE_URL is set; 404 otherwise). */
export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  const target = { kind: "practice" as const, slug: slugOr404((await params).slug) };
  return json(await requestFeedback(userId, target), { status: 201 });
});
