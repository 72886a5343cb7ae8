import "server-only";
// What every AI request costs a user (issue #25): one at a time (in this process) and AI_DAILY_LIMIT in 24 hours
// (the rate-limit table: only the owner can use up their own), 429 with Retry-After past either; a model that
// fails is a 503 to retry. Without AI_BASE_URL, AI does not exist: 404.
import { readEnv } from "../config";
import { keys } from "../auth/rate-limit-rules";
import { AiUnavailable } from "../ai/model";
import { AppError } from "../http/errors";
import { recordHit } from "./rate-limits";

const busy = new Set<string>();

export const notSetUp = () => new AppError("NOT_FOUND", "AI is not set up on this Mockroom.");

export async function withAiBudget<T>(userId: string, request: () => Promise<T>): Promise<T> {
  const env = readEnv();
  if (!env.AI_BASE_URL) throw notSetUp();
  if (busy.has(userId))
    throw new AppError("RATE_LIMITED", "One AI request at a time: wait for the one under way.", { retryAfter: 5 });
  busy.add(userId);
  try {
    const hit = await recordHit(keys.aiUser(userId), { limit: env.AI_DAILY_LIMIT, windowSeconds: 24 * 60 * 60 });
    if (hit.count > env.AI_DAILY_LIMIT)
      throw new AppError(
        "RATE_LIMITED",
        `You have used today's ${env.AI_DAILY_LIMIT} AI requests. Try again in ${Math.ceil(hit.retryAfter / 3600)} hours.`,
        { retryAfter: hit.retryAfter },
      );
    return await request();
  } catch (error) {
    if (error instanceof AiUnavailable) throw new AppError("UNAVAILABLE", error.message, { retryAfter: 10 });
    throw error;
  } finally {
    busy.delete(userId);
  }
}
