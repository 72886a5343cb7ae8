"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiError } from "./api-errors";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setPending(true);
    setError(null);
    setEmailError(undefined);
    const response = await fetch("/api/auth/forgot-password", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) }).catch(() => null);
    if (response?.status === 202) {
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      setSent(body?.message ?? "If an account uses this address, we sent it a link.");
      return;
    }
    const problem = await apiError(response, "Could not send the link. Please try again.");
    setEmailError(problem.fields.email);
    setError(problem.fields.email ? null : problem.message);
    setPending(false);
  }

  if (sent) return <Alert>{sent} Check your inbox, and your spam folder.</Alert>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required error={emailError} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
