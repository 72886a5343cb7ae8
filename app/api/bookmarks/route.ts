import { apiRoute, json } from "@/lib/api";
import { listBookmarks } from "@/lib/data/collections";
import { requireApiUser } from "@/lib/session";

export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return json(await listBookmarks(user.id));
});
