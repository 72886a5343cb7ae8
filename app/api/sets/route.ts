import { apiRoute, assertSameOrigin, json, readJson, requireApiUser } from "@/lib/http/api";
import { createSet, listSets } from "@/lib/data/sets";
import { createSetSchema } from "@/lib/schemas/sets";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  return json(await listSets(user.id));
});

export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  return json(await createSet(user.id, await readJson(request, createSetSchema)), { status: 201 });
});
