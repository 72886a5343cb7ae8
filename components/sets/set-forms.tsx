"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch, type ApiError } from "@/lib/client/api";
import { createdAnswer } from "@/lib/schemas/responses";

const message = (error: ApiError, fallback: string) => error.field("name") ?? error.messageOr(fallback);
const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";

export function CreateSetForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const result = await apiFetch("/api/sets", { method: "POST", body: { name }, schema: createdAnswer });
        setBusy(false);
        if (result.ok) {
          setName("");
          setError(null);
          router.push(`/sets/${result.data.id}`);
        } else setError(message(result.error, "Could not create the set."));
      }}
    >
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
        New set
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          required
          placeholder="e.g. Weak ORM questions"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "set-error" : undefined}
          className={input}
        />
      </label>
      <Button type="submit" disabled={busy || !name.trim()}>
        {busy ? "Creating…" : "Create set"}
      </Button>
      {error ? (
        <p id="set-error" role="alert" className="w-full text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function SetControls({
  id,
  name: initialName,
  questionCount,
}: {
  id: string;
  name: string;
  questionCount: number;
}) {
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { confirm, dialog } = useConfirm();

  async function start() {
    setBusy("start");
    const result = await apiFetch(`/api/sets/${id}/interview`, { method: "POST", schema: createdAnswer });
    setBusy(null);
    if (result.ok) router.push(`/interviews/${result.data.id}`);
    else setError(message(result.error, "Could not start the interview."));
  }

  async function rename(event: React.FormEvent) {
    event.preventDefault();
    setBusy("rename");
    const result = await apiFetch(`/api/sets/${id}`, { method: "PATCH", body: { name } });
    setBusy(null);
    if (result.ok) {
      setError(null);
      router.refresh();
    } else setError(message(result.error, "Could not rename the set."));
  }

  async function remove() {
    const sure = await confirm({
      title: `Delete the set “${initialName}”?`,
      body: "Its questions stay in the bank.",
      confirmLabel: "Delete set",
      destructive: true,
    });
    if (!sure) return;
    setBusy("delete");
    const result = await apiFetch(`/api/sets/${id}`, { method: "DELETE" });
    setBusy(null);
    if (result.ok) router.push("/sets");
    else setError("Could not delete the set.");
  }

  return (
    <div className="space-y-3">
      {dialog}
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => void start()} disabled={busy !== null || questionCount === 0}>
          {busy === "start" ? "Starting…" : "Start a practice interview"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => void remove()} disabled={busy !== null}>
          Delete set
        </Button>
      </div>
      <form onSubmit={(e) => void rename(e)} className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required className={input} />
        </label>
        <Button type="submit" variant="secondary" disabled={busy !== null || name.trim() === initialName}>
          Rename
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RemoveFromSet({ id, slug, title }: { id: string; slug: string; title: string }) {
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Remove ${title} from this set`}
      onClick={async () => {
        const result = await apiFetch(`/api/sets/${id}/questions/${slug}`, { method: "DELETE" });
        if (result.ok) router.refresh();
        else setFailed(true);
      }}
      className="text-sm text-rose-700 hover:underline dark:text-rose-400"
    >
      {failed ? "Could not remove: retry" : "Remove"}
    </button>
  );
}
