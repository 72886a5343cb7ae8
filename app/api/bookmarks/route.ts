import { apiRoute, json, requireApiUser } from "@/lib/http/api";
import { listBookmarks } from "@/lib/data/sets";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  return json(await listBookmarks(user.id));
});
