import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, uuidOr404 } from "@/lib/http/api";
import { rateAnswer } from "@/lib/data/answers";
import type { Rating } from "@/lib/generated/prisma/client";
import { rateSchema } from "@/lib/schemas/interviews";

type Context = { params: Promise<{ id: string; questionId: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const { id, questionId } = await params;
  const { rating } = await readJson(request, rateSchema);
  return json(
    await rateAnswer(user.id, uuidOr404(id), uuidOr404(questionId, "question"), rating.toUpperCase() as Rating),
  );
});
