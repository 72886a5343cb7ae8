import { apiRoute, json, readQuery } from "@/lib/api";
import { listQuestions } from "@/lib/data/questions";
import { questionListQuerySchema } from "@/lib/schemas/questions";

export const GET = apiRoute(async (request) => {
  const query = readQuery(request, questionListQuerySchema);
  return json(await listQuestions(query), { headers: { "cache-control": "public, max-age=60" } });
});
