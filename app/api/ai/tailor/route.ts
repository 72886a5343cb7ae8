import { apiRoute, assertSameOrigin, json, readJson, requireApiUserId } from "@/lib/http/api";
import { tailorTopics } from "@/lib/data/ai-tailor";
import { tailorRequestSchema } from "@/lib/schemas/ai";

/** The bank's topics a job description calls for, each with why (only when AI_BASE_URL is set; 404 otherwise). */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  const { jobDescription } = await readJson(request, tailorRequestSchema, 128 * 1024);
  return json(await tailorTopics(userId, jobDescription));
});
