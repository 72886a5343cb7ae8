import "server-only";
// Transcription of spoken answers (issue #25) through a configured OpenAI-compatible endpoint
// (`POST {TRANSCRIBE_BASE_URL}/audio/transcriptions`: OpenAI, faster-whisper-server, whisper.cpp's server,
// LocalAI), with the AI SDK's OpenAI provider. Without TRANSCRIBE_BASE_URL there is no transcriber and audio goes
// nowhere. A failure is an answer ("could not transcribe"), never an exception: the recording is kept either way.
import { createOpenAI } from "@ai-sdk/openai";
import { transcribe } from "ai";
import { readEnv } from "../config";
import { logger } from "../logger";
import { timedOut } from "../ai/timeout";

export type Transcription = { text: string; error: null } | { text: null; error: string };

export type Transcriber = {
  /** "endpoint:<model>", stored with the transcript. */
  label: string;
  transcribe(audio: Uint8Array, options?: { timeoutMs?: number }): Promise<Transcription>;
};

/** What the recorder offers: the configured endpoint, or nothing (then the browser's own, if the user chooses it). */
export function transcriptionMode(): "endpoint" | "none" {
  return readEnv().TRANSCRIBE_BASE_URL ? "endpoint" : "none";
}

export function transcriber(): Transcriber | null {
  const env = readEnv();
  if (!env.TRANSCRIBE_BASE_URL) return null;
  const provider = createOpenAI({
    baseURL: env.TRANSCRIBE_BASE_URL,
    // Local servers take none; the SDK would otherwise look for OPENAI_API_KEY, which is not ours to send.
    apiKey: env.TRANSCRIBE_API_KEY ?? "none",
    name: "transcription",
  });
  const model = provider.transcription(env.TRANSCRIBE_MODEL);
  return {
    label: `endpoint:${env.TRANSCRIBE_MODEL}`,
    async transcribe(audio, options = {}) {
      try {
        const result = await transcribe({
          model,
          audio,
          maxRetries: 2,
          // The longest wait for a transcript, the SDK's two retries with backoff included.
          abortSignal: AbortSignal.timeout(options.timeoutMs ?? env.TRANSCRIBE_TIMEOUT_SECONDS * 1000),
        });
        const text = result.text.trim();
        return text ? { text, error: null } : { text: null, error: "The transcription service heard no words." };
      } catch (error) {
        // The message names the endpoint's answer, never the key (the SDK does not put headers in errors).
        logger.warn("transcription failed", {
          error: (error as Error).message,
          name: (error as Error).name,
          model: env.TRANSCRIBE_MODEL,
        });
        return {
          text: null,
          error: timedOut(error)
            ? "The transcription service did not answer in time."
            : "The transcription service could not transcribe this recording.",
        };
      }
    },
  };
}
