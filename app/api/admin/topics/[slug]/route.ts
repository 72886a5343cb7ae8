import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin, slugOr404 } from "@/lib/http/api";
import { saveTopic } from "@/lib/data/content-admin";
import { saveTopicSchema } from "@/lib/schemas/content-admin";

type Context = { params: Promise<{ slug: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  const slug = slugOr404((await params).slug, "topic");
  return json(await saveTopic(admin.id, slug, await readJson(request, saveTopicSchema)));
});
