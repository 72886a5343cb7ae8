import { apiRoute, json, uuidOr404 } from "@/lib/api";
import { getInterview } from "@/lib/data/interviews";
import { requireApiUserId } from "@/lib/session";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  // The interview is read by id and user id together: no separate read of the user row (lib/session.ts).
  const userId = await requireApiUserId();
  return json(await getInterview(userId, uuidOr404((await params).id)));
});
