// Signs in through next-auth's credentials endpoint (CSRF token, then a form POST), the same path
// scripts and tests use. `json=true` makes next-auth answer { url } instead of redirecting.
export type SignInResult = { ok: true } | { ok: false; message: string };

export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  try {
    const csrf = await fetch("/api/auth/csrf", { cache: "no-store" });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    if (response.status === 429) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return { ok: false, message: body?.error?.message ?? "Too many attempts. Please wait a few minutes." };
    }
    // With json=true next-auth answers { url } (status 200, or 302 without a Location on failure).
    const { url } = ((await response.json().catch(() => ({}))) ?? {}) as { url?: string };
    if (!url) return { ok: false, message: "Sign-in is unavailable right now. Please try again." };
    if (new URL(url, window.location.origin).searchParams.has("error")) {
      return { ok: false, message: "That email and password do not match an account." };
    }
    return { ok: true };
  } catch {
    return { ok: false, message: "Could not reach Mockroom. Check your connection and try again." };
  }
}
