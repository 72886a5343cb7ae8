import "server-only";
// Tailored practice (issue #25): a job description mapped onto the bank's topics by the configured model, each
// with why; the user then starts a practice interview on them from the bank's own questions (POST /api/interviews).
import { askForTopics } from "../ai/model";
import { AppError } from "../http/errors";
import { listTopics } from "./questions";
import { withAiBudget } from "./ai-budget";

export type TailoredTopics = { topics: { slug: string; name: string; why: string }[]; model: string };

export async function tailorTopics(userId: string, jobDescription: string): Promise<TailoredTopics> {
  const topics = (await listTopics()).filter((t) => t.questionCount > 0).map((t) => ({ slug: t.slug, name: t.name }));
  const result = await withAiBudget(userId, () => askForTopics(jobDescription, topics));
  if (!result.topics.length)
    throw new AppError("VALIDATION", "The job description matched none of the bank's topics: choose them yourself.");
  return result;
}
