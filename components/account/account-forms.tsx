"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestSignOut } from "@/components/auth/sign-out";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { useFormat } from "@/components/ui/format-provider";
import { apiFetch } from "@/lib/client/api";
import { IMPORT_LIMITS } from "@/lib/schemas/import-limits";
import type { Noun } from "@/lib/format/format";
import { importAnswer } from "@/lib/schemas/responses";

/** What an import brought, in words (lib/data/account-import-writer.ts counts these). */
const importedNouns: Record<string, Noun> = {
  interviews: "interview",
  practiceAnswers: "practice answer",
  notes: "note",
  bookmarks: "bookmark",
  sets: "set",
  reviewCards: "review card",
  reviewLog: "review rating",
};

export function ImportForm() {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const format = useFormat();
  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
        if (!file) {
          (event.currentTarget.elements.namedItem("file") as HTMLInputElement).focus();
          return setStatus({ text: "Choose a JSON export file first.", error: true });
        }
        if (file.size > IMPORT_LIMITS.bytes)
          return setStatus({ text: `That file is larger than ${IMPORT_LIMITS.bytes / 2 ** 20} MB.`, error: true });
        setBusy(true);
        setStatus({ text: "Importing…" });
        const result = await apiFetch("/api/me/import", { method: "POST", body: file, schema: importAnswer });
        setBusy(false);
        if (result.ok) {
          const body = result.data;
          const counts = Object.entries(body.imported)
            .map(([k, v]) => format.count(v, importedNouns[k] ?? k.replace(/([A-Z])/g, " $1").toLowerCase()))
            .join(", ");
          const skipped = body.skippedQuestions?.length
            ? ` Skipped questions this bank does not have: ${body.skippedQuestions.join(", ")}.`
            : "";
          setStatus({ text: `Imported ${counts}.${skipped}` });
        } else {
          const named = Object.entries(result.error.fields)
            .slice(0, 3)
            .map(([field, messages]) => `${field}: ${messages[0]}`);
          const fields = named.length ? ` (${named.join("; ")})` : "";
          setStatus({ text: `${result.error.messageOr("The import failed.")}${fields}`, error: true });
        }
      }}
    >
      <label className="block text-sm font-medium" htmlFor="import-file">
        Import a JSON export into this account (only while it is empty)
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <FilePicker id="import-file" name="file" accept="application/json,.json" buttonLabel="Choose a JSON file" />
        <Button type="submit" variant="secondary" disabled={busy}>
          Import
        </Button>
      </div>
      {status ? (
        <p
          role={status.error ? "alert" : "status"}
          className={`text-sm ${status.error ? "text-rose-700 dark:text-rose-400" : "text-slate-700 dark:text-slate-300"}`}
        >
          {status.text}
        </p>
      ) : null}
    </form>
  );
}

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<{ text: string; reauth?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const input =
    "block w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const result = await apiFetch("/api/me", {
          method: "DELETE",
          body: { confirm, ...(hasPassword ? { password } : {}) },
        });
        if (result.ok) {
          // The account is gone; clear the session cookie through next-auth's CSRF-protected sign-out.
          try {
            await requestSignOut();
          } finally {
            router.replace("/");
            router.refresh();
          }
          return;
        }
        setBusy(false);
        const { error } = result;
        setError({
          text:
            error.field("password") ??
            error.field("confirm") ??
            error.messageOr("Could not delete the account. Try again."),
          // The server asks for a fresh sign-in (no password on this account, and the last one is too old).
          reauth:
            typeof error.body === "object" &&
            error.body !== null &&
            (error.body as { reauthenticate?: unknown }).reauthenticate === true,
        });
      }}
    >
      {hasPassword ? (
        <label className="block space-y-1 text-sm font-medium">
          <span>Your password</span>
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            className={input}
          />
        </label>
      ) : null}
      <label className="block space-y-1 text-sm font-medium">
        <span>
          Type <strong>delete my account</strong> to confirm
        </span>
        <input
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
          autoComplete="off"
          className={input}
        />
      </label>
      <button
        type="submit"
        disabled={busy || confirm !== "delete my account"}
        className="rounded-md bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800 disabled:opacity-50"
      >
        {busy ? "Deleting…" : "Delete my account and all my data"}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error.text}{" "}
          {error.reauth ? (
            <a href="/sign-in?callbackUrl=%2Faccount" className="underline">
              Sign in again
            </a>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
