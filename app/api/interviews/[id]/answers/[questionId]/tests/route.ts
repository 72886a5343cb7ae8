import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, uuidOr404 } from "@/lib/http/api";
import { reportTestResults } from "@/lib/data/coding";
import { reportTestsSchema } from "@/lib/schemas/coding";

type Context = { params: Promise<{ id: string; questionId: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const { id, questionId } = await params;
  const input = await readJson(request, reportTestsSchema);
  return json(await reportTestResults(user.id, uuidOr404(id), uuidOr404(questionId, "question"), input));
});
