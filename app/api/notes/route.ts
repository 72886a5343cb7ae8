import { apiRoute, json, readQuery } from "@/lib/api";
import { listNotes } from "@/lib/data/notes";
import { noteListQuerySchema } from "@/lib/schemas/workspace";
import { requireApiUser } from "@/lib/session";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser();
  return json(await listNotes(user.id, readQuery(request, noteListQuerySchema)));
});
