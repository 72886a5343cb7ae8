import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { saveProblem } from "@/lib/data/question-editor";
import { saveProblemSchema } from "@/lib/schemas/question-editor";

type Context = { params: Promise<{ slug: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const slug = slugOr404((await params).slug);
  return json(await saveProblem(admin.id, slug, await readJson(request, saveProblemSchema)));
});
