// The browser's one way to call the JSON API: sends JSON, reads the error shape
// {"error": {"code", "message", "fields"?}} (lib/http/errors.ts) into an ApiError, tells a network failure
// (offline) apart from an HTTP error, and validates a 2xx body with the schema given instead of casting it.
// Browser-safe and free of zod itself: a schema brings its own safeParse (lib/schemas/responses.ts, written
// with zod/mini), so only the pages that validate an answer load zod (about 25 KB gzip with Turbopack).

export const OFFLINE_MESSAGE = "Could not reach Mockroom. Check your connection and try again.";

/** A failed call: `status` 0 and code "OFFLINE" when no answer came; "INVALID_RESPONSE" when a 2xx body did not match. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Field messages, as the server sent them (first message of each is what forms show). */
  readonly fields: Record<string, string[]>;
  /** The parsed body, for members beside `error` (409 `current`, `inProgress`, `reauthenticate`). */
  readonly body: unknown;
  /** Whether `message` is the server's own words (not a description made up here). */
  readonly fromServer: boolean;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { fields?: Record<string, string[]>; body?: unknown; fromServer?: boolean } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = options.fields ?? {};
    this.body = options.body ?? null;
    this.fromServer = options.fromServer ?? false;
  }

  get offline(): boolean {
    return this.code === "OFFLINE";
  }

  /** The first message of a field, if the server named it. */
  field(name: string): string | undefined {
    return this.fields[name]?.[0];
  }

  /** The server's message, the offline message, or `fallback` for anything else. */
  messageOr(fallback: string): string {
    return this.fromServer || this.offline ? this.message : fallback;
  }
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiError };

/** A zod schema (classic or mini), seen only through its safeParse. */
export type ResponseSchema<T = unknown> = {
  safeParse(data: unknown):
    | { success: true; data: T; error?: undefined }
    | {
        success: false;
        data?: undefined;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
};

export type ApiOptions<S extends ResponseSchema | undefined> = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON; a Blob is sent as it is (already JSON text, or of `contentType`); URLSearchParams as a form (next-auth). */
  body?: unknown;
  /** The type of a Blob body; JSON unless said (a guide is text/markdown). */
  contentType?: string;
  /** Validates a 2xx body; without one the body is not read and `data` is undefined. */
  schema?: S;
  signal?: AbortSignal;
  keepalive?: boolean;
  cache?: RequestCache;
};

type Data<S> = S extends { safeParse(data: unknown): infer R }
  ? R extends { success: true; data: infer T }
    ? T
    : never
  : undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorOf(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error)
    return new ApiError(status, "HTTP_ERROR", `The server answered with HTTP ${status}.`, { body: body ?? null });
  const fields: Record<string, string[]> = {};
  if (isRecord(error.fields)) {
    for (const [key, messages] of Object.entries(error.fields)) {
      if (Array.isArray(messages)) fields[key] = messages.filter((m): m is string => typeof m === "string");
    }
  }
  const message = typeof error.message === "string" ? error.message : null;
  return new ApiError(
    status,
    typeof error.code === "string" ? error.code : "HTTP_ERROR",
    message ?? `The server answered with HTTP ${status}.`,
    {
      fields,
      body,
      fromServer: message !== null,
    },
  );
}

/** What a response means: exported for tests and for callers holding a Response already. */
export async function readResponse<S extends ResponseSchema | undefined = undefined>(
  response: Response,
  schema?: S,
): Promise<ApiResult<Data<S>>> {
  // A body cut off mid-way is no answer: the caller cannot know what happened.
  const text = await response.text().catch(() => null);
  if (text === null) return { ok: false, error: new ApiError(0, "OFFLINE", OFFLINE_MESSAGE) };
  const body = text ? parseJson(text) : undefined;
  if (!response.ok) return { ok: false, error: errorOf(response.status, body) };
  if (!schema) return { ok: true, status: response.status, data: undefined as Data<S> };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, status: response.status, data: parsed.data as Data<S> };
  const where = parsed.error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(body)"}: ${issue.message}`)
    .slice(0, 3)
    .join("; ");
  return {
    ok: false,
    error: new ApiError(
      response.status,
      "INVALID_RESPONSE",
      `Unexpected answer from ${response.url || "the server"}: ${where}`,
      { body: body ?? null },
    ),
  };
}

/** Calls the API; never throws for HTTP or network failures (an abort by `signal` is rethrown). */
export async function apiFetch<S extends ResponseSchema | undefined = undefined>(
  path: string,
  options: ApiOptions<S> = {},
): Promise<ApiResult<Data<S>>> {
  const { method = "GET", body, schema, signal, keepalive, cache, contentType = "application/json" } = options;
  const init: RequestInit = { method, signal, keepalive, cache };
  if (body instanceof URLSearchParams) init.body = body;
  else if (body instanceof Blob) Object.assign(init, { body, headers: { "content-type": contentType } });
  else if (body !== undefined)
    Object.assign(init, { body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, error: new ApiError(0, "OFFLINE", OFFLINE_MESSAGE) };
  }
  return readResponse(response, schema);
}
