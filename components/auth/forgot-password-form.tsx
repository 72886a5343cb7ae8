"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { forgotPasswordAnswer } from "@/lib/schemas/responses";

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
    const result = await apiFetch("/api/auth/forgot-password", {
      method: "POST",
      body: { email },
      schema: forgotPasswordAnswer,
    });
    if (result.ok) {
      setSent(result.data.message);
      return;
    }
    const emailError = result.error.field("email");
    setEmailError(emailError);
    setError(emailError ? null : result.error.messageOr("Could not send the link. Please try again."));
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
