"use client";
// The topics (ADMIN): rename and reorder each, add new ones. Each row saves on its own, with the time it was
// loaded; another admin's save in between is shown instead of overwritten.
import { FormMessage, type Message } from "@/components/ui/form-message";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { adminTopicSchema, type AdminTopic } from "@/lib/schemas/content-admin";

const input =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-950";
const button =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";

export function TopicsEditor({ topics }: { topics: AdminTopic[] }) {
  return (
    <div className="space-y-6">
      <ul className="space-y-2">
        {topics.map((topic) => (
          <TopicRow key={topic.slug} initial={topic} />
        ))}
      </ul>
      <NewTopic nextOrder={Math.max(0, ...topics.map((t) => t.order)) + 1} />
    </div>
  );
}

function TopicRow({ initial }: { initial: AdminTopic }) {
  const [topic, setTopic] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [order, setOrder] = useState(String(initial.order));
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  // A newer version from the server (a restore from the history) replaces what the row holds.
  if (initial.updatedAt > topic.updatedAt) {
    setTopic(initial);
    setName(initial.name);
    setOrder(String(initial.order));
  }
  const changed = name !== topic.name || order !== String(topic.order);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await apiFetch(`/api/admin/topics/${topic.slug}`, {
      method: "PUT",
      body: { name, order: Number(order), updatedAt: topic.updatedAt },
      schema: adminTopicSchema,
    });
    setPending(false);
    if (result.ok) {
      setTopic(result.data);
      setMessage({ text: "Saved." });
      return router.refresh();
    }
    const current = adminTopicSchema.safeParse((result.error.body as { current?: unknown } | null)?.current);
    if (result.error.status === 409 && current.success) {
      setTopic(current.data);
      setName(current.data.name);
      setOrder(String(current.data.order));
      return setMessage({
        text: `Another admin saved it first: now “${current.data.name}”, order ${current.data.order}.`,
        error: true,
      });
    }
    setMessage({
      text: result.error.field("name") ?? result.error.field("order") ?? result.error.messageOr("Could not save."),
      error: true,
    });
  }

  return (
    <li className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <form onSubmit={(e) => void save(e)} className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor={`topic-${topic.slug}-name`} className="block text-xs font-medium">
            Name of <code>{topic.slug}</code> ({topic.questionCount} questions)
          </label>
          <input
            id={`topic-${topic.slug}-name`}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            className={input}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`topic-${topic.slug}-order`} className="block text-xs font-medium">
            Order
          </label>
          <input
            id={`topic-${topic.slug}-order`}
            type="number"
            min={0}
            value={order}
            onChange={(e) => setOrder(e.target.value)}
            className={`${input} w-24`}
          />
        </div>
        <button type="submit" className={button} disabled={!changed || pending}>
          {pending ? "Saving…" : "Save"}
        </button>
        <FormMessage message={message} />
      </form>
    </li>
  );
}

function NewTopic({ nextOrder }: { nextOrder: number }) {
  const router = useRouter();
  const [slug, setSlug] = useState("");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const result = await apiFetch("/api/admin/topics", {
      method: "POST",
      body: { slug, name, order: nextOrder },
      schema: adminTopicSchema,
    });
    if (result.ok) {
      setSlug("");
      setName("");
      setError(null);
      return router.refresh();
    }
    setError(
      result.error.field("slug") ?? result.error.field("name") ?? result.error.messageOr("Could not add the topic."),
    );
  }

  return (
    <form onSubmit={(e) => void create(e)} aria-labelledby="new-topic" className="space-y-2">
      <h2 id="new-topic" className="font-semibold">
        Add a topic
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="new-topic-slug" className="block text-xs font-medium">
            Slug
          </label>
          <input
            id="new-topic-slug"
            value={slug}
            maxLength={120}
            onChange={(e) => setSlug(e.target.value)}
            placeholder="e.g. celery"
            className={input}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="new-topic-name" className="block text-xs font-medium">
            Name
          </label>
          <input
            id="new-topic-name"
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Celery and tasks"
            className={input}
          />
        </div>
        <button type="submit" className={button} disabled={!slug || !name}>
          Add
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
