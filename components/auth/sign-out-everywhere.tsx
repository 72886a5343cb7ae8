"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { apiFetch } from "@/lib/client/api";
import { endedSessionsSchema } from "@/lib/schemas/auth";

/** Ends sessions on the server: every one ("all": this browser too, then to sign-in) or every other one. */
export function SignOutEverywhere() {
  const router = useRouter();
  const [pending, setPending] = useState<"all" | "others" | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const format = useFormat();

  async function end(scope: "all" | "others") {
    setPending(scope);
    setStatus(null);
    const result = await apiFetch("/api/me/sessions", {
      method: "DELETE",
      body: { scope },
      schema: endedSessionsSchema,
    });
    if (result.ok && scope === "all") {
      router.replace("/sign-in?signedOut=everywhere");
      router.refresh();
      return;
    }
    setPending(null);
    if (result.ok) {
      const { ended } = result.data;
      setStatus({ text: `Signed out of ${format.count(ended, "other session")}.` });
    } else setStatus({ text: result.error.messageOr("Could not sign out. Please try again."), error: true });
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
