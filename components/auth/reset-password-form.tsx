"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/schemas/auth";
import { apiFetch } from "@/lib/client/api";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  // The link's token stays in this form only, not in the address bar or the history (nor in a shared screen).
  useEffect(() => window.history.replaceState(window.history.state, "", "/reset-password"), []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    setPasswordError(undefined);
    const result = await apiFetch("/api/auth/reset-password", { method: "POST", body: { token, password } });
    if (result.ok) {
      router.replace("/sign-in?reset=done");
      return;
    }
    const passwordError = result.error.field("password");
    setPasswordError(passwordError);
    setError(
      passwordError
        ? null
        : (result.error.field("token") ?? result.error.messageOr("Could not change the password. Please try again.")),
    );
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. You will be signed out everywhere.`}
        error={passwordError}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set the new password"}
      </Button>
    </form>
  );
}
