"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Clears the session through next-auth's CSRF-protected sign-out endpoint. */
export async function requestSignOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
  });
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
