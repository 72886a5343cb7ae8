import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { saveFormat } from "@/lib/data/content-admin";
import { saveFormatSchema } from "@/lib/schemas/content-admin";

type Context = { params: Promise<{ slug: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const slug = slugOr404((await params).slug, "interview format");
  return json(await saveFormat(admin.id, slug, await readJson(request, saveFormatSchema)));
});
