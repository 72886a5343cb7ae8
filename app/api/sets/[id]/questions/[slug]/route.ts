import { apiRoute, assertSameOrigin, json, requireApiUser, slugOr404, uuidOr404 } from "@/lib/http/api";
import { addToSet, removeFromSet } from "@/lib/data/sets";

type Context = { params: Promise<{ id: string; slug: string }> };

export const PUT = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const { id, slug } = await params;
  return json(await addToSet(user.id, uuidOr404(id, "set"), slugOr404(slug)));
});

export const DELETE = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  const { id, slug } = await params;
  await removeFromSet(user.id, uuidOr404(id, "set"), slugOr404(slug));
  return new Response(null, { status: 204 });
});
