import { apiRoute, assertSameOrigin, json, requireApiUser, uuidOr404 } from "@/lib/http/api";
import { startSetInterview } from "@/lib/data/interviews";

type Context = { params: Promise<{ id: string }> };

/** Starts a practice interview (no clock) over the set's questions, at most 20 of them. */
export const POST = apiRoute<Context>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser(request);
  return json(await startSetInterview(user.id, uuidOr404((await params).id, "set")), { status: 201 });
});
