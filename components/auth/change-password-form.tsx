"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN } from "@/lib/schemas/auth";
import { apiFetch } from "@/lib/client/api";

type Fields = Partial<Record<"currentPassword" | "newPassword", string>>;

export function ChangePasswordForm() {
  const [fields, setFields] = useState<Fields>({});
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      currentPassword: String(data.get("currentPassword") ?? ""),
      newPassword: String(data.get("newPassword") ?? ""),
    };
    setPending(true);
    setStatus(null);
    setFields({});
    const result = await apiFetch("/api/me/password", { method: "PUT", body });
    setPending(false);
    if (result.ok) {
      form.reset();
      setStatus({ text: "Password changed. Every other browser and device signed in to your account was signed out." });
      return;
    }
    const next: Fields = {
      currentPassword: result.error.field("currentPassword"),
      newPassword: result.error.field("newPassword"),
    };
    setFields(next);
    setStatus(
      Object.values(next).some(Boolean)
        ? null
        : { text: result.error.messageOr("Could not change the password. Please try again."), error: true },
    );
  }

  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate>
      {status ? <Alert tone={status.error ? "error" : "info"}>{status.text}</Alert> : null}
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={fields.currentPassword}
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={fields.newPassword}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
