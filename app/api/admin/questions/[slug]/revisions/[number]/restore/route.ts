import {
  apiRoute,
  assertSameOrigin,
  json,
  readJson,
  requireApiAdmin,
  revisionNumberOr404,
  slugOr404,
} from "@/lib/http/api";
import { restoreRevision } from "@/lib/data/question-editor";
import { restoreRevisionSchema } from "@/lib/schemas/question-editor";

type Context = { params: Promise<{ slug: string; number: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const { slug, number } = await params;
  const n = revisionNumberOr404(number);
  const { revision } = await readJson(request, restoreRevisionSchema);
  return json(await restoreRevision(admin.id, slugOr404(slug), n, revision));
});
