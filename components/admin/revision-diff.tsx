// What a revision changed from the one before it, field by field: words for the texts, lines for the rest
// (key points with their rubric, tags, companies). Rendered on the server with jsdiff.
import { diffLines, diffWordsWithSpace, type ChangeObject } from "diff";
import type { Snapshot } from "@/lib/schemas/question-editor";

const LABELS: Record<keyof Snapshot, string> = {
  title: "Title",
  prompt: "Prompt",
  modelAnswer: "Model answer",
  keyPoints: "Key points and rubric",
  difficulty: "Difficulty",
  topic: "Topic",
  tags: "Tags",
  estimatedMinutes: "Minutes",
  companies: "Interview formats",
  archived: "Archived",
  problem: "Code and tests",
};

export const fieldLabel = (key: string) => LABELS[key as keyof Snapshot] ?? CONTENT_LABELS[key] ?? key;

/** A topic's and a format's fields (lib/data/content-admin.ts snapshots). */
const CONTENT_LABELS: Record<string, string> = {
  name: "Name",
  order: "Order",
  description: "Description",
  durationMinutes: "Minutes",
  questionCount: "Questions",
  topicWeights: "Topic weights",
  difficultyMix: "Difficulty mix",
  codingProblems: "Coding problems",
  styleNotes: "Style notes",
};

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value, null, 2));

export function RevisionDiff({ before, after }: { before: Record<string, unknown>; after: Record<string, unknown> }) {
  const keys = Object.keys(after).filter((key) => asText(before[key]) !== asText(after[key]));
  if (!keys.length) return <p className="text-sm">No change to the content.</p>;
  return (
    <dl className="space-y-3">
      {keys.map((key) => {
        const words = typeof after[key] === "string" && !["difficulty", "topic"].includes(key);
        const parts: ChangeObject<string>[] = words
          ? diffWordsWithSpace(asText(before[key]), asText(after[key]))
          : diffLines(asText(before[key]), asText(after[key]));
        return (
          <div key={key} className="space-y-1">
            <dt className="text-xs font-semibold">{fieldLabel(key)}</dt>
            <dd className="max-h-80 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs wrap-anywhere whitespace-pre-wrap dark:bg-slate-900">
              {parts.map((part, i) =>
                part.added ? (
                  <ins
                    key={i}
                    className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200"
                  >
                    {part.value}
                  </ins>
                ) : part.removed ? (
                  <del key={i} className="bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200">
                    {part.value}
                  </del>
                ) : (
                  <span key={i}>{part.value}</span>
                ),
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
