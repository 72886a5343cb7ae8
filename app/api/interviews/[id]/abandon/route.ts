import { apiRoute, assertSameOrigin, json, requireApiUser, uuidOr404 } from "@/lib/http/api";
import { endInterview } from "@/lib/data/interviews";

type Context = { params: Promise<{ id: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  return json(await endInterview(user.id, uuidOr404((await params).id), "abandon"));
});
