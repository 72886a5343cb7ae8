import { apiRoute, assertSameOrigin, json, readJson, uuidOr404 } from "@/lib/api";
import { setFlag } from "@/lib/data/answers";
import { flagSchema } from "@/lib/schemas/interviews";
import { requireApiUser } from "@/lib/session";

type Context = { params: Promise<{ id: string; questionId: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  const { id, questionId } = await params;
  const { flagged } = await readJson(request, flagSchema);
  return json(await setFlag(user.id, uuidOr404(id), uuidOr404(questionId, "question"), flagged));
});
