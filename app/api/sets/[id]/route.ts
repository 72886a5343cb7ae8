import { apiRoute, assertSameOrigin, json, readJson, requireApiUser, uuidOr404 } from "@/lib/http/api";
import { deleteSet, getSet, updateSet } from "@/lib/data/sets";
import { updateSetSchema } from "@/lib/schemas/sets";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  return json(await getSet(user.id, uuidOr404((await params).id, "set")));
});

export const PATCH = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const id = uuidOr404((await params).id, "set");
  return json(await updateSet(user.id, id, await readJson(request, updateSetSchema)));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  await deleteSet(user.id, uuidOr404((await params).id, "set"));
  return new Response(null, { status: 204 });
});
