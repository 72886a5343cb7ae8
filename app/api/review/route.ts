import { apiRoute, json } from "@/lib/api";
import { reviewQueue } from "@/lib/data/review";
import { requireApiUser } from "@/lib/session";

export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return json(await reviewQueue(user.id));
});
