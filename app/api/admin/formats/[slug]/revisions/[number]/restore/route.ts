import {
  apiRoute,
  assertSameOrigin,
  json,
  readJson,
  requireApiAdmin,
  revisionNumberOr404,
  slugOr404,
} from "@/lib/http/api";
import { restoreContentRevision } from "@/lib/data/content-admin";
import { restoreContentSchema } from "@/lib/schemas/content-admin";

type Context = { params: Promise<{ slug: string; number: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const { slug, number } = await params;
  const n = revisionNumberOr404(number);
  const { updatedAt } = await readJson(request, restoreContentSchema);
  return json(await restoreContentRevision(admin.id, "format", slugOr404(slug, "format"), n, updatedAt));
});
