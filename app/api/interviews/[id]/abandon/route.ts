import { apiRoute, assertSameOrigin, json, uuidOr404 } from "@/lib/api";
import { endInterview } from "@/lib/data/interviews";
import { requireApiUser } from "@/lib/session";

type Context = { params: Promise<{ id: string }> };

export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  return json(await endInterview(user.id, uuidOr404((await params).id), "abandon"));
});
