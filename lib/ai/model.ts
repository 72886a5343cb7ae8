import "server-only";
// The configured chat model (AI_BASE_URL, AI_MODEL, AI_API_KEY) through the AI SDK's OpenAI-compatible provider:
// OpenAI, Ollama, llama.cpp's server, vLLM, LM Studio. Structured output validated by the zod schema; a timeout
// and the SDK's two retries with backoff. Without AI_BASE_URL there is no model and nothing AI appears.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, Output } from "ai";
import type { z } from "zod";
import { randomBytes } from "node:crypto";
import { readEnv } from "../config";
import { logger } from "../logger";
import { timedOut } from "./timeout";
import {
  aiFeedbackSchema,
  checkedFeedback,
  feedbackPrompt,
  SYSTEM_PROMPT,
  type AiFeedbackOutput,
  type FeedbackSubject,
} from "./feedback";
import { checkedTopics, TAILOR_SYSTEM_PROMPT, tailorPrompt, tailorSchema } from "./tailor";

export type AiSettings = { model: string; host: string };

/** What the pages say about the model (its name and where answers go), or null when none is configured. */
export function aiSettings(): AiSettings | null {
  const env = readEnv();
  if (!env.AI_BASE_URL || !env.AI_MODEL) return null;
  return { model: env.AI_MODEL, host: new URL(env.AI_BASE_URL).host };
}

/** The model could not be used this time (not set up, failed, too slow, off-schema): the message says which. */
export class AiUnavailable extends Error {}

/** One structured answer from the configured model; AiUnavailable when it fails, times out or answers off-schema. */
async function structured<T>(
  schema: z.ZodType<T>,
  system: string,
  prompt: string,
): Promise<{ output: T; model: string }> {
  const env = readEnv();
  if (!env.AI_BASE_URL || !env.AI_MODEL) throw new AiUnavailable("AI is not set up here.");
  const provider = createOpenAICompatible({
    name: "mockroom-ai",
    baseURL: env.AI_BASE_URL,
    ...(env.AI_API_KEY ? { apiKey: env.AI_API_KEY } : {}),
    supportsStructuredOutputs: true,
  });
  try {
    const result = await generateText({
      model: provider(env.AI_MODEL),
      system,
      prompt,
      output: Output.object({ schema }),
      temperature: 0.2,
      maxRetries: 2,
      abortSignal: AbortSignal.timeout(env.AI_TIMEOUT_SECONDS * 1000),
    });
    return { output: result.output as T, model: env.AI_MODEL };
  } catch (error) {
    logger.warn("AI request failed", {
      error: (error as Error).message,
      name: (error as Error).name,
      model: env.AI_MODEL,
    });
    throw timedOut(error)
      ? new AiUnavailable(`The AI model (${env.AI_MODEL}) did not answer in time. Try again.`)
      : new AiUnavailable(`The AI model (${env.AI_MODEL}) did not give a usable answer. Try again.`);
  }
}

const nonce = () => randomBytes(9).toString("base64url");

/** The model's verdicts on one answer, checked against the answer (lib/ai/feedback.ts). */
export async function askForFeedback(subject: FeedbackSubject): Promise<{ output: AiFeedbackOutput; model: string }> {
  const { output, model } = await structured(aiFeedbackSchema, SYSTEM_PROMPT, feedbackPrompt(subject, nonce()));
  return { output: checkedFeedback(output, subject), model };
}

/** The bank's topics a job description calls for, with why (lib/ai/tailor.ts). */
export async function askForTopics(jobDescription: string, topics: { slug: string; name: string }[]) {
  const { output, model } = await structured(
    tailorSchema,
    TAILOR_SYSTEM_PROMPT,
    tailorPrompt(jobDescription, topics, nonce()),
  );
  return { topics: checkedTopics(output, topics), model };
}
