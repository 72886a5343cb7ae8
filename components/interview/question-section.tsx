"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { ConflictPanel } from "@/components/autosave/conflict-panel";
import type { TextState } from "@/components/autosave/protocol";
import { SaveStatusText } from "@/components/autosave/save-status";
import type { InterviewView } from "@/lib/schemas/interviews";
import {
  SpokenAnswer,
  withTranscript,
  type RecordingView,
  type Transcription,
} from "@/components/speech/spoken-answer";
import { AnswerEditor } from "./answer-editor";
import { ROOM_EDITOR_ID } from "./skip-to-editor";

// The Python workspace (and with it the runner) loads only when a coding question is opened.
const CodingWorkspace = dynamic(() => import("@/components/coding/coding-workspace").then((m) => m.CodingWorkspace), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Loading the Python editor…</p>,
});

const words = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);
const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

type Props = {
  question: InterviewView["questions"][number];
  /** Zero-based position of the question in the interview. */
  index: number;
  total: number;
  /** The prompt as the question page renders it (null when the title says it all). */
  prompt: ReactNode;
  answer: TextState;
  /** Focus the editor when it appears (the question was opened from the keyboard). */
  autoFocus: boolean;
  onEdit: (content: string) => void;
  onSave: () => void;
  onResolve: (which: "mine" | "saved") => void;
  /** Recording a written answer aloud (issue #25): where its recording goes, and how it is transcribed. */
  spoken: {
    url: string;
    transcription: Transcription;
    initial: RecordingView | null;
    onRecording: (view: RecordingView | null) => void;
  };
};

/** The open question: its prompt, the editor for the answer, and how the answer's save stands. */
export function QuestionSection({
  question,
  index,
  total,
  prompt,
  answer,
  autoFocus,
  onEdit,
  onSave,
  onResolve,
  spoken,
}: Props) {
  const isCode = question.kind === "coding" || question.coding !== null;
  return (
    <section aria-labelledby="question-title" className="space-y-4">
      <div>
        <p className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Question {index + 1} of {total} · {question.topic}
        </p>
        <h2 id="question-title" className="mt-1 text-lg font-semibold">
          {question.title}
        </h2>
        {prompt ? <div className="mt-2">{prompt}</div> : null}
      </div>
      {answer.status === "conflict" && answer.conflict ? (
        <ConflictPanel mine={answer.content} saved={answer.conflict.content} onKeep={onResolve} />
      ) : null}
      <div id={ROOM_EDITOR_ID}>
        {question.coding ? (
          <CodingWorkspace
            key={question.id}
            language={question.coding.language}
            value={answer.content}
            initialCode={question.coding.starterCode}
            tests={question.coding.visibleTests}
            label={`Your code for question ${index + 1}`}
            readOnly={answer.status === "time-up"}
            autoFocus={autoFocus}
            onChange={onEdit}
            onBlur={onSave}
          />
        ) : (
          <AnswerEditor
            key={question.id}
            value={answer.content}
            language={question.kind === "coding" ? "python" : "markdown"}
            label={`Your answer to question ${index + 1}`}
            readOnly={answer.status === "time-up"}
            autoFocus={autoFocus}
            onChange={onEdit}
            onBlur={onSave}
          />
        )}
      </div>
      {isCode ? null : (
        <SpokenAnswer
          key={`spoken-${question.id}`}
          url={spoken.url}
          transcription={spoken.transcription}
          initial={spoken.initial}
          onRecording={spoken.onRecording}
          disabled={answer.status === "time-up"}
          onTranscript={(text) => {
            onEdit(withTranscript(answer.content, text));
            onSave();
          }}
        />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <SaveStatusText status={answer.status} revision={answer.revision} />
          {answer.error ? (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">
              {answer.error}
            </p>
          ) : null}
        </div>
        {/* Words say how long a written answer is; code has its line numbers in the editor's gutter. */}
        {isCode ? null : (
          <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="answer-length">
            {count(words(answer.content), "word")}
          </span>
        )}
      </div>
    </section>
  );
}
