import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { AppError } from "@/lib/http/errors";
import { restoreContentRevision } from "@/lib/data/content-admin";
import { restoreContentSchema } from "@/lib/schemas/content-admin";
import { COUNTER_MAX } from "@/lib/schemas/fields";

type Context = { params: Promise<{ slug: string; number: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const { slug, number } = await params;
  const n = /^[1-9]\d{0,9}$/.test(number) ? Number(number) : NaN;
  if (!(n <= COUNTER_MAX)) throw new AppError("NOT_FOUND", "No such revision.");
  const { updatedAt } = await readJson(request, restoreContentSchema);
  return json(await restoreContentRevision(admin.id, "topic", slugOr404(slug, "topic"), n, updatedAt));
});
