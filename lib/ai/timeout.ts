// Whether a failed AI SDK call ran out of time: an abort from AbortSignal.timeout, possibly wrapped by the SDK's
// retries (RetryError.lastError) or another error's `cause`.
export function timedOut(error: unknown): boolean {
  for (let e = error as { name?: string; cause?: unknown; lastError?: unknown } | undefined; e;) {
    if (e.name === "TimeoutError" || e.name === "AbortError") return true;
    e = (e.lastError ?? e.cause) as typeof e;
  }
  return false;
}
