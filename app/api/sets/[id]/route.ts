import { apiRoute, assertSameOrigin, json, readJson, uuidOr404 } from "@/lib/api";
import { deleteSet, getSet, updateSet } from "@/lib/data/collections";
import { updateSetSchema } from "@/lib/schemas/workspace";
import { requireApiUser } from "@/lib/session";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  return json(await getSet(user.id, uuidOr404((await params).id, "set")));
});

export const PATCH = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  const id = uuidOr404((await params).id, "set");
  return json(await updateSet(user.id, id, await readJson(request, updateSetSchema)));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  await deleteSet(user.id, uuidOr404((await params).id, "set"));
  return new Response(null, { status: 204 });
});
