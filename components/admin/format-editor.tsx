"use client";
// An interview format (company profile) in the admin area: what the landing and company pages say, how long the
// interview runs and how many questions it draws, each topic's weight (shown as its share of the interview),
// the difficulty mix (shares that add up to 100%) and how many coding problems it asks.
import { FormMessage, type Message } from "@/components/ui/form-message";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { fieldErrors } from "@/lib/http/validation";
import { adminFormatSchema, saveFormatSchema, type AdminFormat } from "@/lib/schemas/content-admin";
import { FieldError } from "./rubric-editor";

type Topic = { slug: string; name: string };

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950";
const COLOURS = [
  "bg-brand-600",
  "bg-emerald-600",
  "bg-amber-500",
  "bg-rose-600",
  "bg-sky-600",
  "bg-violet-600",
  "bg-lime-600",
  "bg-orange-600",
];

/** A stacked bar of shares, with the same figures as text for screen readers. */
function ShareBar({ label, parts }: { label: string; parts: { name: string; share: number }[] }) {
  const shown = parts.filter((p) => p.share > 0);
  return (
    <div className="space-y-1">
      <div className="flex h-3 w-full overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
        {shown.map((p, i) => (
          <div
            key={p.name}
            className={COLOURS[i % COLOURS.length]}
            style={{ width: `${p.share * 100}%` }}
            title={`${p.name} ${Math.round(p.share * 100)}%`}
          />
        ))}
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        <span className="sr-only">{label}: </span>
        {shown.map((p) => `${p.name} ${Math.round(p.share * 100)}%`).join(" · ") || "nothing yet"}
      </p>
    </div>
  );
}

export function FormatEditor({ initial, topics }: { initial: AdminFormat; topics: Topic[] }) {
  const router = useRouter();
  const [format, setFormat] = useState(initial);
  const [weights, setWeights] = useState<Record<string, string>>(
    Object.fromEntries(topics.map((t) => [t.slug, String(initial.topicWeights[t.slug] ?? 0)])),
  );
  const [mix, setMix] = useState({
    easy: String(Math.round(initial.difficultyMix.easy * 100)),
    medium: String(Math.round(initial.difficultyMix.medium * 100)),
    hard: String(Math.round(initial.difficultyMix.hard * 100)),
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const [saving, setSaving] = useState(false);
  // A newer version from the server (a restore from the history below) replaces what the form holds.
  if (initial.updatedAt > format.updatedAt) load(initial);
  const set = <K extends keyof AdminFormat>(key: K, value: AdminFormat[K]) =>
    setFormat((f) => ({ ...f, [key]: value }));

  const topicWeights = Object.fromEntries(
    Object.entries(weights)
      .map(([slug, w]) => [slug, Number(w)] as const)
      .filter(([, w]) => Number.isFinite(w) && w > 0),
  );
  const total = Object.values(topicWeights).reduce((a, b) => a + b, 0);
  const mixShares = { easy: Number(mix.easy) / 100, medium: Number(mix.medium) / 100, hard: Number(mix.hard) / 100 };
  const mixTotal = Math.round((mixShares.easy + mixShares.medium + mixShares.hard) * 100);

  function load(row: AdminFormat) {
    setFormat(row);
    setWeights(Object.fromEntries(topics.map((t) => [t.slug, String(row.topicWeights[t.slug] ?? 0)])));
    setMix({
      easy: String(Math.round(row.difficultyMix.easy * 100)),
      medium: String(Math.round(row.difficultyMix.medium * 100)),
      hard: String(Math.round(row.difficultyMix.hard * 100)),
    });
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const body = {
      name: format.name,
      description: format.description,
      durationMinutes: format.durationMinutes,
      questionCount: format.questionCount,
      codingProblems: format.codingProblems,
      styleNotes: format.styleNotes,
      updatedAt: format.updatedAt,
      topicWeights,
      difficultyMix: mixShares,
    };
    const checked = saveFormatSchema.safeParse(body);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      return setMessage({ text: "Some fields need attention: see the messages beside them.", error: true });
    }
    setSaving(true);
    const result = await apiFetch(`/api/admin/formats/${format.slug}`, {
      method: "PUT",
      body: checked.data,
      schema: adminFormatSchema,
    });
    setSaving(false);
    if (result.ok) {
      load(result.data);
      setErrors({});
      setMessage({ text: "Saved. New interviews use it at once." });
      return router.refresh();
    }
    const current = adminFormatSchema.safeParse((result.error.body as { current?: unknown } | null)?.current);
    if (result.error.status === 409 && current.success) {
      load(current.data);
      return setMessage({
        text: "Another admin saved this format after you opened it: their version is loaded; make your change again.",
        error: true,
      });
    }
    setErrors(result.error.fields);
    setMessage({ text: result.error.messageOr("Could not save. Try again."), error: true });
  }

  const error = (key: string) =>
    Object.entries(errors)
      .filter(([k]) => k === key || k.startsWith(`${key}.`))
      .map(([k, m]) => <FieldError key={k} messages={m} />);
  const number = (id: keyof AdminFormat, label: string, min: number, max: number) => (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={String(format[id])}
        onChange={(e) => set(id, Number(e.target.value) as never)}
        className={input}
      />
      {error(id)}
    </div>
  );

  return (
    <form onSubmit={(e) => void save(e)} className="space-y-6" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="name" className="block text-sm font-medium">
            Name
          </label>
          <input
            id="name"
            value={format.name}
            maxLength={80}
            onChange={(e) => set("name", e.target.value)}
            className={input}
          />
          {error("name")}
        </div>
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="description" className="block text-sm font-medium">
            Description
          </label>
          <textarea
            id="description"
            rows={3}
            value={format.description}
            onChange={(e) => set("description", e.target.value)}
            className={input}
          />
          {error("description")}
        </div>
        {number("durationMinutes", "Minutes", 5, 240)}
        {number("questionCount", "Questions", 1, 50)}
        {number("codingProblems", "Of which coding problems", 0, 10)}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">
          Topic weights (each topic’s share is its weight over their sum; 0 leaves it out)
        </legend>
        <ShareBar
          label="Shares of the interview"
          parts={topics.map((t) => ({ name: t.name, share: total ? (topicWeights[t.slug] ?? 0) / total : 0 }))}
        />
        {error("topicWeights")}
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <div key={t.slug} className="flex items-center gap-2">
              <input
                id={`weight-${t.slug}`}
                type="number"
                min={0}
                max={100}
                step="any"
                value={weights[t.slug] ?? "0"}
                onChange={(e) => setWeights((w) => ({ ...w, [t.slug]: e.target.value }))}
                className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
              />
              <label htmlFor={`weight-${t.slug}`} className="text-sm">
                {t.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Difficulty mix (percent; adds up to 100: now {mixTotal})</legend>
        <ShareBar
          label="Difficulty mix"
          parts={[
            { name: "Easy", share: mixShares.easy },
            { name: "Medium", share: mixShares.medium },
            { name: "Hard", share: mixShares.hard },
          ]}
        />
        {error("difficultyMix")}
        <div className="flex flex-wrap gap-4">
          {(["easy", "medium", "hard"] as const).map((d) => (
            <div key={d} className="flex items-center gap-2">
              <input
                id={`mix-${d}`}
                type="number"
                min={0}
                max={100}
                value={mix[d]}
                onChange={(e) => setMix((m) => ({ ...m, [d]: e.target.value }))}
                className="w-20 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950"
              />
              <label htmlFor={`mix-${d}`} className="text-sm capitalize">
                {d}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="styleNotes" className="block text-sm font-medium">
          Style notes (markdown: how this format interviews)
        </label>
        <textarea
          id="styleNotes"
          rows={6}
          value={format.styleNotes}
          onChange={(e) => set("styleNotes", e.target.value)}
          className={`${input} font-mono`}
        />
        {error("styleNotes")}
      </div>
      <FormMessage message={message} />
      <button
        type="submit"
        disabled={saving}
        className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {saving ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
