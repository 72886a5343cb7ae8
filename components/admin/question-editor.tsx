"use client";
// The admin question editor (issue #24): every field a question in seed/ has, with a live preview of its
// markdown (the sanitizing renderer of notes) and the rubric its key points are scored with. Checked with the
// loader's schemas before it is sent, and by the server again. A save carries the revision the editor loaded;
// when someone saved since, the server's 409 brings their version, and the editor offers both.
import { FormMessage, type Message } from "@/components/ui/form-message";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { MarkdownPreview } from "@/components/notes/markdown-preview";
import { apiFetch } from "@/lib/client/api";
import { fieldErrors } from "@/lib/http/validation";
import {
  createQuestionSchema,
  editableQuestionSchema,
  saveQuestionSchema,
  type EditableFields,
  type EditableQuestion,
} from "@/lib/schemas/question-editor";
import { ArchiveButton } from "./archive-button";
import { FieldError, RubricEditor, emptyKeyPoint } from "./rubric-editor";

type Option = { slug: string; name: string };
type Props = { initial: EditableQuestion | null; topics: Option[]; companies: Option[] };

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950";
const label = "block text-sm font-medium";
const primary =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary =
  "inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900";

function blankFields(topic: string): EditableFields {
  return {
    title: "",
    prompt: "",
    modelAnswer: "",
    keyPoints: [emptyKeyPoint(), emptyKeyPoint(), emptyKeyPoint()],
    difficulty: "medium",
    topic,
    tags: [],
    estimatedMinutes: 5,
    companies: [],
  };
}

/** What is sent: expressions one per line, without the empty lines a textarea leaves. */
function cleaned(fields: EditableFields): EditableFields {
  const concept = (c: { name: string; any: string[] }) => ({ ...c, any: c.any.map((a) => a.trim()).filter(Boolean) });
  return {
    ...fields,
    keyPoints: fields.keyPoints.map((p) => ({
      ...p,
      concepts: p.concepts.map(concept),
      disqualifiers: p.disqualifiers.map(concept),
    })),
  };
}

export function QuestionEditor({ initial, topics, companies }: Props) {
  const router = useRouter();
  const creating = initial === null;
  const [fields, setFields] = useState<EditableFields>(initial?.fields ?? blankFields(topics[0]?.slug ?? ""));
  const [slug, setSlug] = useState("");
  const [revision, setRevision] = useState(initial?.revision ?? 0);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const [conflict, setConflict] = useState<EditableQuestion | null>(null);
  const [saving, setSaving] = useState(false);
  // A revision made elsewhere on the page (a restore, the code's save) arrives as new props: if the fields are
  // what this editor loaded, only the revision moves on; if they changed, the editor takes them.
  const [seen, setSeen] = useState(initial?.revision);
  const [base, setBase] = useState(JSON.stringify(initial?.fields ?? null));
  if (initial && seen !== undefined && initial.revision > seen) {
    setSeen(initial.revision);
    setRevision(initial.revision);
    if (JSON.stringify(initial.fields) !== base) {
      setBase(JSON.stringify(initial.fields));
      setFields(initial.fields);
      setConflict(null);
      setMessage({ text: `Now at revision ${initial.history[0]?.number ?? initial.revision}.` });
    }
  }
  const set = <K extends keyof EditableFields>(key: K, value: EditableFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));

  async function save(event?: React.FormEvent, over?: number) {
    event?.preventDefault();
    const body = creating
      ? { ...cleaned(fields), slug, reason }
      : { ...cleaned(fields), revision: over ?? revision, reason };
    const checked = (creating ? createQuestionSchema : saveQuestionSchema).safeParse(body);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      setMessage({ text: "Some fields need attention: see the messages beside them.", error: true });
      return;
    }
    setSaving(true);
    setMessage(null);
    const result = await apiFetch(creating ? "/api/admin/questions" : `/api/admin/questions/${initial.slug}`, {
      method: creating ? "POST" : "PUT",
      body: checked.data,
      schema: editableQuestionSchema,
    });
    setSaving(false);
    if (result.ok) {
      setErrors({});
      setConflict(null);
      setReason("");
      if (creating) return router.push(`/admin/questions/${result.data.slug}?created=1`);
      setRevision(result.data.revision);
      setSeen(result.data.revision);
      setBase(JSON.stringify(result.data.fields));
      setFields(result.data.fields);
      setMessage({ text: `Saved as revision ${result.data.history[0]?.number ?? result.data.revision}.` });
      router.refresh();
      return;
    }
    const current = editableQuestionSchema.safeParse((result.error.body as { current?: unknown } | null)?.current);
    if (result.error.status === 409 && current.success) {
      setConflict(current.data);
      setMessage({ text: result.error.message, error: true });
      return;
    }
    setErrors(result.error.fields);
    setMessage({ text: result.error.messageOr("Could not save the question. Try again."), error: true });
  }

  const error = (key: string) => (errors[key] ? <FieldError messages={errors[key]} /> : null);
  return (
    <form onSubmit={(e) => void save(e)} className="space-y-6" noValidate>
      {conflict ? (
        <section
          aria-labelledby="conflict-heading"
          className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm dark:border-amber-600 dark:bg-amber-950"
        >
          <h2 id="conflict-heading" className="font-semibold">
            Conflict: someone saved this question after you opened it
          </h2>
          <p>
            Their version is revision {conflict.history[0]?.number ?? conflict.revision}
            {conflict.history[0]?.author ? ` by ${conflict.history[0].author}` : ""}
            {conflict.history[0]?.reason ? ` (“${conflict.history[0].reason}”)` : ""}. Title now: “
            {conflict.fields.title}”.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={secondary}
              onClick={() => {
                setFields(conflict.fields);
                setRevision(conflict.revision);
                setConflict(null);
                setMessage({
                  text: `Loaded revision ${conflict.history[0]?.number ?? conflict.revision}; your changes were discarded.`,
                });
              }}
            >
              Load their version
            </button>
            <button
              type="button"
              className={primary}
              onClick={() => {
                setRevision(conflict.revision);
                void save(undefined, conflict.revision);
              }}
            >
              Save mine over theirs
            </button>
          </div>
        </section>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1 sm:col-span-2">
          <label htmlFor="title" className={label}>
            Title
          </label>
          <input
            id="title"
            value={fields.title}
            maxLength={300}
            onChange={(e) => set("title", e.target.value)}
            aria-invalid={errors.title ? true : undefined}
            className={input}
          />
          {error("title")}
        </div>
        {creating ? (
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="slug" className={label}>
              Slug (its address: /questions/<em>slug</em>; fixed once created)
            </label>
            <input
              id="slug"
              value={slug}
              maxLength={120}
              onChange={(e) => setSlug(e.target.value)}
              aria-invalid={errors.slug ? true : undefined}
              placeholder="e.g. select-related-vs-prefetch-related"
              className={input}
            />
            {error("slug")}
          </div>
        ) : null}
        <div className="space-y-1">
          <label htmlFor="topic" className={label}>
            Topic
          </label>
          <select id="topic" value={fields.topic} onChange={(e) => set("topic", e.target.value)} className={input}>
            {topics.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
          {error("topic")}
        </div>
        <div className="space-y-1">
          <label htmlFor="difficulty" className={label}>
            Difficulty
          </label>
          <select
            id="difficulty"
            value={fields.difficulty}
            onChange={(e) => set("difficulty", e.target.value as EditableFields["difficulty"])}
            className={input}
          >
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="minutes" className={label}>
            Minutes to answer
          </label>
          <input
            id="minutes"
            type="number"
            min={1}
            max={60}
            value={fields.estimatedMinutes}
            onChange={(e) => set("estimatedMinutes", Number(e.target.value))}
            aria-invalid={errors.estimatedMinutes ? true : undefined}
            className={input}
          />
          {error("estimatedMinutes")}
        </div>
        <div className="space-y-1">
          <label htmlFor="tags" className={label}>
            Tags (comma-separated)
          </label>
          <input
            id="tags"
            value={fields.tags.join(", ")}
            onChange={(e) =>
              set(
                "tags",
                e.target.value.split(",").map((t, i, all) => (i < all.length - 1 ? t.trim() : t.trimStart())),
              )
            }
            onBlur={() => set("tags", fields.tags.map((t) => t.trim()).filter(Boolean))}
            aria-invalid={Object.keys(errors).some((k) => k.startsWith("tags")) ? true : undefined}
            className={input}
          />
          {Object.entries(errors)
            .filter(([k]) => k.startsWith("tags"))
            .map(([k, m]) => (
              <FieldError key={k} messages={m} />
            ))}
        </div>
      </div>
      <MarkdownField
        id="prompt"
        name="Prompt (markdown)"
        value={fields.prompt}
        onChange={(v) => set("prompt", v)}
        errors={errors.prompt}
        rows={4}
      />
      <MarkdownField
        id="modelAnswer"
        name="Model answer (markdown)"
        value={fields.modelAnswer}
        onChange={(v) => set("modelAnswer", v)}
        errors={errors.modelAnswer}
        rows={12}
      />
      <RubricEditor points={fields.keyPoints} onChange={(points) => set("keyPoints", points)} errors={errors} />
      <CompanyPicker
        companies={companies}
        chosen={fields.companies}
        onChange={(chosen) => set("companies", chosen)}
        errors={errors}
      />
      <div className="space-y-1">
        <label htmlFor="reason" className={label}>
          What changed, and why (kept in the history)
        </label>
        <input
          id="reason"
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. Fixed the CSRF answer reported by a user"
          className={input}
        />
      </div>
      <FormMessage message={message} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primary} disabled={saving}>
          {saving ? "Saving…" : creating ? "Create question" : "Save"}
        </button>
        {initial ? (
          <ArchiveButton
            slug={initial.slug}
            archived={initial.archived}
            revision={revision}
            onDone={(saved) => {
              setRevision(saved.revision);
              setMessage({ text: saved.archived ? "Archived." : "Back in the bank." });
              router.refresh();
            }}
            onError={(text) => setMessage({ text, error: true })}
          />
        ) : null}
      </div>
    </form>
  );
}

function MarkdownField(props: {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  rows: number;
}) {
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <div className="min-w-0 space-y-1">
        <label htmlFor={props.id} className={label}>
          {props.name}
        </label>
        <textarea
          id={props.id}
          value={props.value}
          rows={props.rows}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={props.errors ? true : undefined}
          className={`${input} font-mono`}
        />
        {props.errors ? <FieldError messages={props.errors} /> : null}
      </div>
      <MarkdownPreview source={props.value} label={`${props.name.replace(" (markdown)", "")}: preview`} />
    </div>
  );
}

function CompanyPicker({
  companies,
  chosen,
  onChange,
  errors,
}: {
  companies: Option[];
  chosen: EditableFields["companies"];
  onChange: (chosen: EditableFields["companies"]) => void;
  errors: Record<string, string[]>;
}) {
  const messages = Object.entries(errors).filter(([k]) => k.startsWith("companies"));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Interview formats that ask it, and how often</legend>
      {messages.map(([k, m]) => (
        <FieldError key={k} messages={m} />
      ))}
      <ul className="grid gap-2 sm:grid-cols-2">
        {companies.map((company) => {
          const picked = chosen.find((c) => c.slug === company.slug);
          return (
            <li key={company.slug} className="flex items-center gap-2 text-sm">
              <input
                id={`company-${company.slug}`}
                type="checkbox"
                checked={Boolean(picked)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? [...chosen, { slug: company.slug, frequency: "medium" }]
                      : chosen.filter((c) => c.slug !== company.slug),
                  )
                }
              />
              <label htmlFor={`company-${company.slug}`} className="min-w-0 flex-1">
                {company.name}
              </label>
              {picked ? (
                <select
                  aria-label={`How often ${company.name} asks it`}
                  value={picked.frequency ?? "medium"}
                  onChange={(e) =>
                    onChange(
                      chosen.map((c) =>
                        c.slug === company.slug ? { ...c, frequency: e.target.value as "low" | "medium" | "high" } : c,
                      ),
                    )
                  }
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-950"
                >
                  <option value="low">sometimes</option>
                  <option value="medium">often</option>
                  <option value="high">very often</option>
                </select>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
