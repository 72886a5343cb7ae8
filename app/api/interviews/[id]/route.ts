import { apiRoute, json, requireApiUserId, uuidOr404 } from "@/lib/http/api";
import { getInterview } from "@/lib/data/interviews";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  // The interview is read by id and user id together: no separate read of the user row (lib/http/api.ts).
  const userId = await requireApiUserId(request);
  return json(await getInterview(userId, uuidOr404((await params).id)));
});
