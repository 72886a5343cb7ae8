import { apiRoute, assertSameOrigin, json, readJson, requireApiUserId, uuidOr404 } from "@/lib/http/api";
import { setFlag } from "@/lib/data/answers";
import { flagSchema } from "@/lib/schemas/interviews";

type Context = { params: Promise<{ id: string; questionId: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  // setFlag loads the interview by id and user id first: no separate read of the user row.
  const userId = await requireApiUserId(request);
  const { id, questionId } = await params;
  const { flagged } = await readJson(request, flagSchema);
  return json(await setFlag(userId, uuidOr404(id), uuidOr404(questionId, "question"), flagged));
});
