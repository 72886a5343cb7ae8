"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/schemas/auth";
import { signInWithPassword } from "./password-sign-in";

type Fields = Partial<Record<"email" | "password" | "name", string>>;

export function SignUpForm() {
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    setError(null);
    setFields({});
    try {
      const response = await fetch("/api/auth/register", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (response.status !== 201) {
        const data = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
        const next: Fields = {};
        for (const [key, messages] of Object.entries(data?.error?.fields ?? {})) next[key as keyof Fields] = messages[0];
        setFields(next);
        setError(Object.keys(next).length ? null : (data?.error?.message ?? "Could not create the account. Please try again."));
        setPending(false);
        return;
      }
      const signedIn = await signInWithPassword(body.email, body.password);
      window.location.assign(signedIn.ok ? "/dashboard" : "/sign-in");
    } catch {
      setError("Could not reach Mockroom. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label="Name (optional)" name="name" autoComplete="name" maxLength={100} error={fields.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fields.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={fields.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
