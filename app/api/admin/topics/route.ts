import { apiRoute, assertSameOrigin, json, readJson, requireApiAdmin } from "@/lib/http/api";
import { createTopic, listAdminTopics } from "@/lib/data/content-admin";
import { createTopicSchema } from "@/lib/schemas/content-admin";

export const GET = apiRoute(async (request) => {
  await requireApiAdmin(request);
  return json({ items: await listAdminTopics() });
});

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const admin = await requireApiAdmin(request);
  return json(await createTopic(admin.id, await readJson(request, createTopicSchema)), { status: 201 });
});
