"use client";

import { KeyPointVerdicts } from "@/components/interview/key-point-verdicts";
import { useState } from "react";
import { AnswerEditor } from "@/components/interview/answer-editor";
import { ConflictPanel } from "@/components/autosave/conflict-panel";
import { SaveStatusText } from "@/components/autosave/save-status";
import { useDocumentAutosave } from "@/components/autosave/use-autosave";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/format-provider";
import { apiFetch } from "@/lib/client/api";
import { practiceRatingAnswer, practiceVersionAnswer } from "@/lib/schemas/responses";
import type { PracticeAnswerView } from "@/lib/schemas/practice";
import { QUEUED_EVENT } from "../questions/question-actions";
import { TextDiff } from "./text-diff";
import { AiFeedback, type AiSettings, type Feedback } from "@/components/ai/ai-feedback";
import {
  SpokenAnswer,
  withTranscript,
  type RecordingView,
  type Transcription,
} from "@/components/speech/spoken-answer";

type Version = PracticeAnswerView["versions"][number];
type Props = {
  slug: string;
  kind: "written" | "coding";
  modelAnswer: string;
  initial: PracticeAnswerView;
  /** A written answer can be spoken (issue #25): the recording so far, and how it is transcribed. */
  spoken?: { initial: RecordingView | null; transcription: Transcription };
  /** Optional AI feedback on the saved answer (only when a model is configured). */
  ai?: { settings: AiSettings; thread: Feedback[]; keyPoints: string[] };
};

const ratings = [
  ["again", "Again", "I could not answer"],
  ["hard", "Hard", "Shaky, with gaps"],
  ["good", "Good", "Mostly right"],
  ["easy", "Easy", "Confident and complete"],
] as const;

/**
 * Practice a question outside interviews: the draft autosaves; "Save answer" keeps a numbered version with its
 * key point coverage; rate yourself (Again/Hard queue it for revision); compare any two versions, or a version
 * with the model answer.
 */
export function PracticePanel({ slug, kind, modelAnswer, initial, spoken, ai }: Props) {
  const { doc, edit, resolve, adopt } = useDocumentAutosave(
    `/api/questions/${slug}/practice`,
    `mockroom:practice:${slug}`,
    { content: initial.draft, revision: initial.revision },
  );
  const [versions, setVersions] = useState<Version[]>(initial.versions);
  const [versionCount, setVersionCount] = useState(initial.versionCount);
  const [rating, setRating] = useState(initial.rating);
  const [queued, setQueued] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = versions.at(-1);
  const { dateTime: when, percent } = useFormat();
  const [left, setLeft] = useState<string>(versions.length > 1 ? String(versions.length - 1) : "model");
  const [right, setRight] = useState<string>(latest ? String(latest.number) : "");

  async function saveVersion() {
    setBusy(true);
    setError(null);
    const result = await apiFetch(`/api/questions/${slug}/practice/versions`, {
      method: "POST",
      body: { content: doc.content },
      schema: practiceVersionAnswer,
    });
    setBusy(false);
    if (result.ok) {
      const body = result.data;
      adopt(body.version.content, body.revision);
      setVersions((v) => [...v, body.version]);
      setVersionCount((n) => n + 1);
      setLeft(versions.length ? String(versions.at(-1)!.number) : "model");
      setRight(String(body.version.number));
    } else {
      setError(
        result.error.field("content") ?? result.error.messageOr("Could not save. Your text is kept here; try again."),
      );
    }
  }

  async function rate(value: (typeof ratings)[number][0]) {
    const previous = rating;
    setRating(value);
    setError(null);
    const result = await apiFetch(`/api/questions/${slug}/practice/rating`, {
      method: "PUT",
      body: { rating: value },
      schema: practiceRatingAnswer,
    });
    if (result.ok) {
      const body = result.data;
      setQueued(body.queuedUntil);
      // The question's toolbar shows queue membership: tell it (components/questions/question-actions.tsx).
      if (body.queuedUntil)
        window.dispatchEvent(new CustomEvent(QUEUED_EVENT, { detail: { slug, due: body.queuedUntil } }));
    } else {
      setRating(previous);
      setError("Could not save the rating. Try again.");
    }
  }

  const textOf = (key: string) =>
    key === "model" ? modelAnswer : (versions.find((v) => String(v.number) === key)?.content ?? "");
  const options = [
    ...versions.map((v) => ({ value: String(v.number), label: `Version ${v.number} (${when(v.createdAt)})` })),
    { value: "model", label: "Model answer" },
  ];

  return (
    <div className="space-y-4" data-testid="practice-panel">
      <AnswerEditor
        value={doc.content}
        language={kind === "coding" ? "python" : "markdown"}
        label="Your practice answer"
        placeholder={kind === "coding" ? undefined : "Practise your answer here (markdown works)."}
        onChange={edit}
      />
      {spoken && kind === "written" ? (
        <SpokenAnswer
          url={`/api/questions/${slug}/practice/recording`}
          transcription={spoken.transcription}
          initial={spoken.initial}
          onTranscript={(text) => edit(withTranscript(doc.content, text))}
        />
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SaveStatusText status={doc.status} revision={doc.revision} />
        <Button type="button" onClick={() => void saveVersion()} disabled={busy || !doc.content.trim()}>
          {busy ? "Saving…" : "Save answer"}
        </Button>
      </div>
      {doc.error || error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
          {doc.error ?? error}
        </p>
      ) : null}
      {doc.status === "conflict" && doc.conflict ? (
        <ConflictPanel mine={doc.content} saved={doc.conflict.content} onKeep={resolve} />
      ) : null}

      {latest ? (
        <section
          aria-labelledby="coverage-title"
          className="rounded-md border border-slate-200 p-4 dark:border-slate-800"
        >
          <h3 id="coverage-title" className="font-medium">
            Version {latest.number}: {percent(latest.score)} of the key points
          </h3>
          <KeyPointVerdicts coverage={latest.coverage} />
        </section>
      ) : null}
      {ai && latest ? (
        <AiFeedback
          requestUrl={`/api/questions/${slug}/practice/feedback`}
          initial={ai.thread}
          settings={ai.settings}
          keyPoints={ai.keyPoints}
          what="your latest saved answer"
          answerNow={latest.content}
          transcription={spoken?.transcription ?? "none"}
        />
      ) : null}

      <div role="group" aria-label="How well did you know it?" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-600 dark:text-slate-400">Rate yourself:</span>
        {ratings.map(([value, label, hint]) => (
          <button
            key={value}
            type="button"
            title={hint}
            aria-pressed={rating === value}
            onClick={() => void rate(value)}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white dark:border-slate-700"
          >
            {label}
          </button>
        ))}
        {queued ? (
          <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
            In your revision queue: next review {when(queued)}.
          </span>
        ) : null}
      </div>

      {versions.length ? (
        <details className="rounded-md border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer px-4 py-2 text-sm font-medium">
            Versions ({versionCount}) and differences
          </summary>
          <div className="space-y-3 border-t border-slate-200 p-4 dark:border-slate-800">
            {versionCount > versions.length ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                The newest {versions.length} are here; your data download on the account page has all {versionCount}.
              </p>
            ) : null}
            <div className="flex flex-wrap items-end gap-3 text-sm">
              <VersionSelect label="Compare" value={left} onChange={setLeft} options={options} />
              <VersionSelect label="with" value={right} onChange={setRight} options={options} />
            </div>
            <TextDiff before={textOf(left)} after={textOf(right)} />
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** One side of the version comparison. */
function VersionSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="flex flex-col gap-1">
      {props.label}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
