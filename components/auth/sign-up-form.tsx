"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { apiFetch } from "@/lib/client/api";
import { PASSWORD_MIN, registeredSchema } from "@/lib/schemas/auth";
import { signInWithPassword } from "./password-sign-in";

type Fields = Partial<Record<"email" | "password" | "name", string>>;

export function SignUpForm() {
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    setPending(true);
    setError(null);
    setFields({});
    const result = await apiFetch("/api/auth/register", { method: "POST", body, schema: registeredSchema });
    if (!result.ok) {
      const next: Fields = {
        name: result.error.field("name"),
        email: result.error.field("email"),
        password: result.error.field("password"),
      };
      setFields(next);
      setError(
        Object.values(next).some(Boolean)
          ? null
          : result.error.messageOr("Could not create the account. Please try again."),
      );
      setPending(false);
      return;
    }
    const signedIn = await signInWithPassword(body.email, body.password);
    window.location.assign(signedIn.ok ? "/dashboard" : "/sign-in");
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
