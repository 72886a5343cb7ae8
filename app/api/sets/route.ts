import { apiRoute, assertSameOrigin, json, readJson } from "@/lib/api";
import { createSet, listSets } from "@/lib/data/collections";
import { createSetSchema } from "@/lib/schemas/workspace";
import { requireApiUser } from "@/lib/session";

export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return json(await listSets(user.id));
});

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  return json(await createSet(user.id, await readJson(request, createSetSchema)), { status: 201 });
});
