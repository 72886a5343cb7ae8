// Signs in through next-auth's credentials endpoint (CSRF token, then a form POST), the same path
// scripts and tests use. `json=true` makes next-auth answer { url } instead of redirecting.
import { apiFetch, OFFLINE_MESSAGE } from "@/lib/client/api";
import { csrfAnswer, signInAnswer } from "@/lib/schemas/responses";

export type SignInResult = { ok: true } | { ok: false; message: string };

/** next-auth's CSRF token for a form POST to one of its endpoints; null when it could not be had. */
export async function csrfToken(): Promise<string | null> {
  const csrf = await apiFetch("/api/auth/csrf", { cache: "no-store", schema: csrfAnswer });
  return csrf.ok ? csrf.data.csrfToken : null;
}

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const token = await csrfToken();
  if (!token) return { ok: false, message: OFFLINE_MESSAGE };
  const result = await apiFetch("/api/auth/callback/credentials", {
    method: "POST",
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
    schema: signInAnswer,
  });
  if (!result.ok && result.error.offline) return { ok: false, message: OFFLINE_MESSAGE };
  if (!result.ok && result.error.status === 429)
    return { ok: false, message: result.error.messageOr("Too many attempts. Please wait a few minutes.") };
  // With json=true next-auth answers { url } (status 200, or 302 without a Location on failure).
  const answer = result.ok ? result.data : signInAnswer.safeParse(result.error.body).data;
  if (!answer?.url) return { ok: false, message: "Sign-in is unavailable right now. Please try again." };
  if (new URL(answer.url, window.location.origin).searchParams.has("error")) {
    return { ok: false, message: "That email and password do not match an account." };
  }
  return { ok: true };
}
