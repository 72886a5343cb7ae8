import "server-only";
// The configured chat model (AI_BASE_URL, AI_MODEL, AI_API_KEY) through the AI SDK's OpenAI-compatible provider:
// OpenAI, Ollama, llama.cpp's server, vLLM, LM Studio. Structured output validated by the zod schema; a timeout
// and the SDK's two retries with backoff. Without AI_BASE_URL there is no model and nothing AI appears.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, Output } from "ai";
import { randomBytes } from "node:crypto";
import { readEnv } from "../config";
import { describeError, logger } from "../logger";
import {
  aiFeedbackSchema,
  checkedFeedback,
  feedbackPrompt,
  SYSTEM_PROMPT,
  type AiFeedbackOutput,
  type FeedbackSubject,
} from "./feedback";

export type AiSettings = { model: string; host: string };

/** What the pages say about the model (its name and where answers go), or null when none is configured. */
export function aiSettings(): AiSettings | null {
  const env = readEnv();
  if (!env.AI_BASE_URL || !env.AI_MODEL) return null;
  return { model: env.AI_MODEL, host: new URL(env.AI_BASE_URL).host };
}

export class AiUnavailable extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

function timedOut(error: unknown): boolean {
  for (let e = error as { name?: string; cause?: unknown; lastError?: unknown } | undefined; e;) {
    if (e.name === "TimeoutError" || e.name === "AbortError") return true;
    e = (e.lastError ?? e.cause) as typeof e;
  }
  return false;
}

/** Asks the model for its verdicts on one answer; AiUnavailable when it fails, times out or answers off-schema. */
export async function askForFeedback(subject: FeedbackSubject): Promise<{ output: AiFeedbackOutput; model: string }> {
  const env = readEnv();
  if (!env.AI_BASE_URL || !env.AI_MODEL) throw new AiUnavailable("AI feedback is not set up here.", false);
  const provider = createOpenAICompatible({
    name: "mockroom-ai",
    baseURL: env.AI_BASE_URL,
    ...(env.AI_API_KEY ? { apiKey: env.AI_API_KEY } : {}),
    supportsStructuredOutputs: true,
  });
  try {
    const result = await generateText({
      model: provider(env.AI_MODEL),
      system: SYSTEM_PROMPT,
      prompt: feedbackPrompt(subject, randomBytes(9).toString("base64url")),
      output: Output.object({ schema: aiFeedbackSchema }),
      temperature: 0.2,
      maxRetries: 2,
      abortSignal: AbortSignal.timeout(env.AI_TIMEOUT_SECONDS * 1000),
    });
    return { output: checkedFeedback(result.output, subject), model: env.AI_MODEL };
  } catch (error) {
    logger.warn("AI feedback failed", { ...describeError(error), model: env.AI_MODEL });
    throw timedOut(error)
      ? new AiUnavailable(`The AI model (${env.AI_MODEL}) did not answer in time. Try again.`, true)
      : new AiUnavailable(`The AI model (${env.AI_MODEL}) did not give usable feedback. Try again.`, false);
  }
}
