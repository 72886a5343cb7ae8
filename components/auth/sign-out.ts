// Signing out through next-auth's CSRF-protected endpoint; loaded when someone signs out, so the header on
// every page carries none of it (nor the zod that checks the CSRF answer).
import { apiFetch } from "@/lib/client/api";
import { csrfToken } from "./password-sign-in";

/** Clears the session; throws when Mockroom could not be reached. */
export async function requestSignOut(): Promise<void> {
  const token = await csrfToken();
  if (!token) throw new Error("Could not reach Mockroom to sign out.");
  const result = await apiFetch("/api/auth/signout", {
    method: "POST",
    body: new URLSearchParams({ csrfToken: token, callbackUrl: "/", json: "true" }),
  });
  if (!result.ok && result.error.offline) throw result.error;
}
