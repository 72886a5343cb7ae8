"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { csrfToken as fetchCsrfToken } from "./password-sign-in";

const names: Record<string, string> = { github: "GitHub", google: "Google" };

/** One button per configured external provider; posts next-auth's CSRF-protected sign-in form. */
export function OAuthButtons({ providers, callbackPath }: { providers: string[]; callbackPath: string }) {
  const [pending, setPending] = useState<string | null>(null);
  if (!providers.length) return null;

  async function start(provider: string) {
    setPending(provider);
    const csrfToken = await fetchCsrfToken();
    if (!csrfToken) return setPending(null);
    const form = document.createElement("form");
    form.method = "POST";
    form.action = `/api/auth/signin/${provider}`;
    for (const [name, value] of Object.entries({ csrfToken, callbackUrl: callbackPath })) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }

  return (
    <div className="space-y-2">
      {providers.map((provider) => (
        <Button
          key={provider}
          type="button"
          variant="secondary"
          className="w-full"
          disabled={pending !== null}
          onClick={() => start(provider)}
        >
          {pending === provider ? "Redirecting…" : `Continue with ${names[provider] ?? provider}`}
        </Button>
      ))}
      <p className="text-center text-xs text-slate-500">or with your email</p>
    </div>
  );
}
