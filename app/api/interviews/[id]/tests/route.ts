import { apiRoute, json, uuidOr404 } from "@/lib/api";
import { getInterviewTests } from "@/lib/data/coding";
import { requireApiUser } from "@/lib/session";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  return json(await getInterviewTests(user.id, uuidOr404((await params).id)));
});
