import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { AppError } from "@/lib/http/errors";
import { restoreRevision } from "@/lib/data/question-editor";
import { restoreRevisionSchema } from "@/lib/schemas/question-editor";
import { COUNTER_MAX } from "@/lib/schemas/fields";

type Context = { params: Promise<{ slug: string; number: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const { slug, number } = await params;
  const n = /^[1-9]\d{0,9}$/.test(number) ? Number(number) : NaN;
  if (!(n <= COUNTER_MAX)) throw new AppError("NOT_FOUND", "No such revision.");
  const { revision } = await readJson(request, restoreRevisionSchema);
  return json(await restoreRevision(admin.id, slugOr404(slug), n, revision));
});
