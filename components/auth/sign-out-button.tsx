"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Signs out, then returns to the landing page. */
export function SignOutButton({ className = "" }: { className?: string }) {
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function signOut() {
    setPending(true);
    try {
      await (await import("./sign-out")).requestSignOut();
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
