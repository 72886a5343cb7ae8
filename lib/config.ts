// The environment Mockroom reads, as one zod schema. Pure: `lib/env.ts` (server code) and the
// command-line tools in `lib/cli/` both parse through it, so a variable means the same everywhere.
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** "a@b.c" or "Name <a@b.c>": the sender of the emails Mockroom sends. */
const mailbox = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>\r\n]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/,
    'must be an address, e.g. "Mockroom <no-reply@example.com>"',
  );

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
      .optional(),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /** Longest wait, in ms, for one query's answer (and for a pooled connection) before the request fails with 503. */
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
    APP_URL: z.url("must be an absolute URL such as https://mockroom.example.com").optional(),
    /** Set by `npm start` and the container from APP_URL for next-auth; read as the public URL when APP_URL is unset. */
    NEXTAUTH_URL: z.url().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    ADMIN_EMAILS: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    GITHUB_CLIENT_ID: optionalText,
    GITHUB_CLIENT_SECRET: optionalText,
    GOOGLE_CLIENT_ID: optionalText,
    GOOGLE_CLIENT_SECRET: optionalText,
    /** smtp:// or smtps:// URL (credentials in it) of the server that sends password reset emails. */
    SMTP_URL: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : undefined))
      .pipe(
        z
          .string()
          .regex(
            /^smtps?:\/\/[^\s]+$/,
            "must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465",
          )
          .optional(),
      ),
    MAIL_FROM: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : undefined))
      .pipe(mailbox.optional()),
    MOCKROOM_DEMO: bool,
    TRUST_PROXY: bool,
    /** Folder with the content to load (topics.json, companies.json, questions/). */
    CONTENT_DIR: z.string().default("seed"),
    /** Seconds the public question bank (lists, search, question pages) is cached in each app process; 0 turns it off. */
    CONTENT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /**
     * An OpenAI-compatible transcription endpoint for spoken answers (OpenAI, faster-whisper-server, whisper.cpp's
     * server, LocalAI): the base URL its `/audio/transcriptions` hangs off, e.g. http://localhost:8000/v1. Unset:
     * recordings are not sent anywhere.
     */
    TRANSCRIBE_BASE_URL: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim().replace(/\/+$/, "") : undefined))
      .pipe(
        z.url({ protocol: /^https?$/, error: "must be an http(s):// URL, e.g. http://localhost:8000/v1" }).optional(),
      ),
    TRANSCRIBE_MODEL: z.string().trim().min(1).max(200).default("whisper-1"),
    TRANSCRIBE_API_KEY: optionalText,
    /**
     * An OpenAI-compatible chat endpoint for optional AI feedback and follow-ups (OpenAI, Ollama, llama.cpp's
     * server, vLLM, LM Studio): its base URL, e.g. http://localhost:11434/v1. Unset: nothing AI appears anywhere.
     */
    AI_BASE_URL: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim().replace(/\/+$/, "") : undefined))
      .pipe(
        z.url({ protocol: /^https?$/, error: "must be an http(s):// URL, e.g. http://localhost:11434/v1" }).optional(),
      ),
    AI_MODEL: optionalText,
    AI_API_KEY: optionalText,
    /** AI requests (feedback, follow-ups, tailoring) one account may make in 24 hours. */
    AI_DAILY_LIMIT: z.coerce.number().int().min(1).max(10_000).default(40),
    /** The longest wait for one AI answer, retries included. */
    AI_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(120),
    /** The longest wait for one recording's transcript, retries included. */
    TRANSCRIBE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(90),
  })
  .superRefine((env, context) => {
    // Half a mail configuration would fail at the first reset request instead of at start-up.
    if (env.SMTP_URL && !env.MAIL_FROM)
      context.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required when SMTP_URL is set" });
    if (env.MAIL_FROM && !env.SMTP_URL)
      context.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_FROM is set" });
    if (env.AI_BASE_URL && !env.AI_MODEL)
      context.addIssue({ code: "custom", path: ["AI_MODEL"], message: "is required when AI_BASE_URL is set" });
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The process environment, parsed once. Server code reads it through lib/env.ts. */
export function readEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The app's public URL, for links sent by email and printed by commands: APP_URL, else what `npm start` gave
 * next-auth, else localhost. Never the request's Host header, which a client chooses.
 */
export function publicUrl(env: Env): string {
  return (env.APP_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
