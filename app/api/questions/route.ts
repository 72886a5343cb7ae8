import { apiRoute, json, readQuery, signedInUserId } from "@/lib/http/api";
import { listQuestions } from "@/lib/data/questions";
import { withholdFromSearch } from "@/lib/data/withheld";
import { questionListQuerySchema } from "@/lib/schemas/questions";

export const GET = apiRoute(async (request) => {
  const query = readQuery(request, questionListQuerySchema);
  const list = await listQuestions(query);
  const userId = query.q ? await signedInUserId(request) : null;
  if (!userId) return json(list, { headers: { "cache-control": "public, max-age=60" } });
  // Signed in, a search answers for this user (lib/data/withheld.ts), so no cache may keep it.
  return json(await withholdFromSearch(userId, list), { headers: { "cache-control": "private, no-store" } });
});
