"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiError } from "./api-errors";

/** Ends sessions on the server: every one ("all": this browser too, then to sign-in) or every other one. */
export function SignOutEverywhere() {
  const router = useRouter();
  const [pending, setPending] = useState<"all" | "others" | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  async function end(scope: "all" | "others") {
    setPending(scope);
    setStatus(null);
    const response = await fetch("/api/me/sessions", { method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ scope }) }).catch(() => null);
    if (response?.ok && scope === "all") {
      router.replace("/sign-in?signedOut=everywhere");
      router.refresh();
      return;
    }
    setPending(null);
    if (response?.ok) {
      const { ended } = (await response.json().catch(() => ({ ended: 0 }))) as { ended: number };
      setStatus({ text: ended === 1 ? "Signed out of 1 other session." : `Signed out of ${ended} other sessions.` });
    } else setStatus({ text: (await apiError(response, "Could not sign out. Please try again.")).message, error: true });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => end("all")} disabled={pending !== null}>
          {pending === "all" ? "Signing out…" : "Sign out everywhere"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => end("others")} disabled={pending !== null}>
          {pending === "others" ? "Signing out…" : "Sign out other sessions"}
        </Button>
      </div>
      {status ? <Alert tone={status.error ? "error" : "info"}>{status.text}</Alert> : null}
    </div>
  );
}
