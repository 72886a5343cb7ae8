"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { ConflictPanel } from "@/components/autosave/conflict-panel";
import { SaveStatusText } from "@/components/autosave/save-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import type { InterviewView } from "@/lib/schemas/interviews";
import { AnswerEditor } from "./answer-editor";
import { Countdown } from "./countdown";
import { QuestionNav } from "./question-nav";
import { useAnswerAutosave } from "./use-answer-autosave";
import { useServerOffset } from "./use-server-clock";

// The Python workspace (and with it the runner) loads only when a coding question is opened.
const CodingWorkspace = dynamic(() => import("@/components/coding/coding-workspace").then((m) => m.CodingWorkspace), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600 dark:text-slate-400">Loading the Python editor…</p>,
});

const words = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

export function InterviewRoom({ interview, promptsHtml }: { interview: InterviewView; promptsHtml: Record<string, string> }) {
  const router = useRouter();
  const [current, setCurrent] = useState(0);
  const [flags, setFlags] = useState(() => Object.fromEntries(interview.questions.map((q) => [q.id, q.flagged])));
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);
  const { answers, edit, save, resolve, addTime, flushAll } = useAnswerAutosave(interview.id, interview.answers);
  const offset = useServerOffset(interview.id, interview.serverNow);
  const question = interview.questions[current]!;
  const answer = answers[question.id]!;
  const visibleSince = useRef(0);

  // Time on each question: counted while it is on screen, handed to autosave, sent with the next save.
  const markTime = useCallback(() => {
    const now = Date.now();
    const seconds = Math.floor((now - visibleSince.current) / 1000);
    if (seconds > 0) {
      addTime(question.id, seconds);
      visibleSince.current += seconds * 1000;
    }
  }, [addTime, question.id]);

  useEffect(() => {
    visibleSince.current = Date.now();
  }, [question.id]);

  const go = useCallback(
    (index: number) => {
      if (index < 0 || index >= interview.questions.length) return;
      markTime();
      void save(interview.questions[current]!.id);
      setCurrent(index);
    },
    [current, interview.questions, markTime, save],
  );

  const finish = useCallback(async () => {
    setEnding("Submitting your answers…");
    markTime();
    await flushAll();
    const finished = await apiFetch(`/api/interviews/${interview.id}/finish`, { method: "POST" });
    if (!finished.ok) {
      setEnding(null);
      return;
    }
    if (interview.questions.some((q) => q.coding)) {
      setEnding("Running every test of your code in this browser…");
      // Best effort: the review offers to run them again if this fails or the tab closes.
      await import("@/components/coding/report-tests").then((m) => m.runAndReportTests(interview.id)).catch(() => undefined);
    }
    router.push(`/interviews/${interview.id}/review`);
  }, [flushAll, interview.id, interview.questions, markTime, router]);

  async function toggleFlag() {
    const flagged = !flags[question.id];
    setFlags((f) => ({ ...f, [question.id]: flagged }));
    await apiFetch(`/api/interviews/${interview.id}/answers/${question.id}/flag`, { method: "PUT", body: { flagged } });
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if (key === "j" || event.code === "KeyJ") go(current + 1);
      else if (key === "k" || event.code === "KeyK") go(current - 1);
      else if (key === "l" || event.code === "KeyL") void toggleFlag();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const answered = interview.questions.filter((q) => answers[q.id]!.content.trim()).length;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">{interview.company ? `${interview.title} mock interview` : interview.title}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {interview.mode === "practice" ? "Practice: no time limit" : interview.mode === "extended" ? "Extended time" : "Strict: the clock does not pause"}
          </p>
        </div>
        <Countdown deadlineAt={interview.deadlineAt} startedAt={interview.startedAt} offset={offset} onExpire={finish} />
      </header>

      <div>
        <div className="mb-2 flex justify-between text-xs text-slate-600 dark:text-slate-400">
          <span>
            {answered} of {interview.questions.length} answered
          </span>
          <span>Alt+J next · Alt+K previous · Alt+L flag</span>
        </div>
        <div className="h-2 rounded bg-slate-100 dark:bg-slate-800" role="progressbar" aria-label="Answered" aria-valuemin={0} aria-valuemax={interview.questions.length} aria-valuenow={answered}>
          <div className="h-2 rounded bg-brand-500" style={{ width: `${(answered / interview.questions.length) * 100}%` }} />
        </div>
      </div>

      <QuestionNav items={interview.questions.map((q) => ({ ...q, flagged: Boolean(flags[q.id]) }))} answers={answers} current={current} onSelect={go} />

      {ending ? <Alert>{ending}</Alert> : null}

      <section aria-labelledby="question-title" className="space-y-4">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
            Question {current + 1} of {interview.questions.length} · {question.topic}
          </p>
          <h2 id="question-title" className="mt-1 text-lg font-semibold">
            {question.title}
          </h2>
          {promptsHtml[question.id] ? (
            <div className="prose prose-slate mt-2 max-w-none dark:prose-invert" dangerouslySetInnerHTML={{ __html: promptsHtml[question.id]! }} />
          ) : null}
        </div>
        {answer.status === "conflict" && answer.conflict ? <ConflictPanel mine={answer.content} saved={answer.conflict.content} onKeep={(which) => resolve(question.id, which)} /> : null}
        {question.coding ? (
          <CodingWorkspace
            key={question.id}
            value={answer.content}
            initialCode={question.coding.starterCode}
            tests={question.coding.visibleTests}
            label={`Your code for question ${current + 1}`}
            readOnly={answer.status === "time-up"}
            onChange={(content) => {
              markTime();
              edit(question.id, content);
            }}
            onBlur={() => void save(question.id)}
          />
        ) : (
          <AnswerEditor
            key={question.id}
            value={answer.content}
            language={question.kind === "coding" ? "python" : "markdown"}
            label={`Your answer to question ${current + 1}`}
            readOnly={answer.status === "time-up"}
            onChange={(content) => {
              markTime();
              edit(question.id, content);
            }}
            onBlur={() => void save(question.id)}
          />
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <SaveStatusText status={answer.status} />
            {answer.error ? <p role="alert" className="text-sm text-rose-700 dark:text-rose-400">{answer.error}</p> : null}
          </div>
          <span className="text-xs text-slate-600 dark:text-slate-400">{words(answer.content)} words</span>
        </div>
      </section>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={() => go(current - 1)} disabled={current === 0}>
            Previous
          </Button>
          <Button type="button" variant="secondary" onClick={() => go(current + 1)} disabled={current === interview.questions.length - 1}>
            Next
          </Button>
          <Button type="button" variant="ghost" onClick={() => void toggleFlag()} aria-pressed={Boolean(flags[question.id])}>
            {flags[question.id] ? "Unflag" : "Flag for review"}
          </Button>
        </div>
        {confirming ? (
          <div className="flex items-center gap-2" role="group" aria-label="Confirm finishing">
            <span className="text-sm">Finish now? You cannot change answers afterwards.</span>
            <Button type="button" onClick={() => void finish()} disabled={ending !== null}>
              Yes, finish
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Keep going
            </Button>
          </div>
        ) : (
          <Button type="button" onClick={() => setConfirming(true)}>
            Finish interview
          </Button>
        )}
      </div>
    </div>
  );
}
