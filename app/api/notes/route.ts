import { apiRoute, json, readQuery, requireApiUser } from "@/lib/http/api";
import { listNotes } from "@/lib/data/notes";
import { noteListQuerySchema } from "@/lib/schemas/notes";

export const GET = apiRoute(async (request) => {
  const user = await requireApiUser(request);
  return json(await listNotes(user.id, readQuery(request, noteListQuerySchema)));
});
