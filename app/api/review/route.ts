import { apiRoute, json, requireApiUser } from "@/lib/http/api";
import { reviewQueue } from "@/lib/data/review";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  return json(await reviewQueue(user.id));
});
