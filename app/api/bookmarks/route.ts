import { apiRoute, json, requireApiUser } from "@/lib/api";
import { listBookmarks } from "@/lib/data/collections";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  return json(await listBookmarks(user.id));
});
