"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { csrfToken } from "./password-sign-in";

/** Clears the session through next-auth's CSRF-protected sign-out endpoint. */
export async function requestSignOut(): Promise<void> {
  const token = await csrfToken();
  if (!token) throw new Error("Could not reach Mockroom to sign out.");
  const result = await apiFetch("/api/auth/signout", { method: "POST", body: new URLSearchParams({ csrfToken: token, callbackUrl: "/", json: "true" }) });
  if (!result.ok && result.error.offline) throw result.error;
}

/** Signs out, then returns to the landing page. */
export function SignOutButton({ className = "" }: { className?: string }) {
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function signOut() {
    setPending(true);
    try {
      await requestSignOut();
      router.replace("/");
      router.refresh();
    } catch {
      setPending(false);
    }
  }

  return (
    <button type="button" onClick={signOut} disabled={pending} className={className}>
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
