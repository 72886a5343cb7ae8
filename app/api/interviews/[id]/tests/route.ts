import { apiRoute, json, requireApiUser, uuidOr404 } from "@/lib/http/api";
import { getInterviewTests } from "@/lib/data/coding";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => {
  const user = await requireApiUser(request);
  return json(await getInterviewTests(user.id, uuidOr404((await params).id)));
});
