"use client";

import { useCallback, useState, type ReactNode } from "react";
import { apiFetch } from "@/lib/client/api";
import type { InterviewView } from "@/lib/schemas/interviews";
import type { RecordingView, Transcription } from "@/components/speech/spoken-answer";
import { AnsweredProgress } from "./answered-progress";
import { FinishStatus } from "./finish-status";
import { LeaveDialog } from "./leave-dialog";
import { QuestionNav } from "./question-nav";
import { QuestionSection } from "./question-section";
import { RoomControls } from "./room-controls";
import { RoomHeader } from "./room-header";
import { RoomTimerBar } from "./room-timer-bar";
import { SkipToEditor } from "./skip-to-editor";
import { useAnswerAutosave } from "./use-answer-autosave";
import { useCurrentQuestion } from "./use-current-question";
import { useFinish } from "./use-finish";
import { useLeaveGuard } from "./use-leave-guard";
import { useRoomShortcuts } from "./use-room-shortcuts";
import { useServerOffset } from "./use-server-clock";
import { useTimeOnQuestion } from "./use-time-on-question";

export function InterviewRoom({
  interview,
  prompts,
  recordings,
  transcription,
}: {
  interview: InterviewView;
  prompts: Record<string, ReactNode>;
  /** The spoken answers recorded so far, by question id. */
  recordings: Record<string, RecordingView>;
  transcription: Transcription;
}) {
  const [current, select] = useCurrentQuestion(interview);
  // A question opened with Alt+J/K takes the focus into its editor; one opened with a button leaves it there.
  const [focusEditor, setFocusEditor] = useState(false);
  // Recordings made here outlive their question's section: it unmounts when another question opens.
  const [spoken, setSpoken] = useState(recordings);
  const [flags, setFlags] = useState(() => Object.fromEntries(interview.questions.map((q) => [q.id, q.flagged])));
  const { answers, edit, save, resolve, addTime, flushAll } = useAnswerAutosave(interview.id, interview.answers);
  const offset = useServerOffset(interview.id, interview.serverNow);
  const question = interview.questions[current]!;
  const answer = answers[question.id]!;
  const markTime = useTimeOnQuestion(question.id, addTime);
  const { state: finishing, finish } = useFinish(interview, offset, answers, flushAll, markTime);
  const guard = useLeaveGuard(interview.mode === "strict" && finishing.phase === "idle");

  const go = useCallback(
    (index: number, focus = false) => {
      if (index < 0 || index >= interview.questions.length) return;
      markTime();
      void save(interview.questions[current]!.id);
      setFocusEditor(focus);
      select(index);
    },
    [current, interview.questions, markTime, save, select],
  );

  async function toggleFlag() {
    const flagged = !flags[question.id];
    setFlags((f) => ({ ...f, [question.id]: flagged }));
    await apiFetch(`/api/interviews/${interview.id}/answers/${question.id}/flag`, { method: "PUT", body: { flagged } });
  }

  useRoomShortcuts({
    next: () => go(current + 1, true),
    previous: () => go(current - 1, true),
    toggleFlag: () => void toggleFlag(),
  });

  const answered = interview.questions.filter((q) => answers[q.id]!.content.trim()).length;
  return (
    <div className="space-y-6">
      <SkipToEditor />
      <RoomHeader interview={interview} />
      <RoomTimerBar interview={interview} offset={offset} index={current} onExpire={finish} />
      <AnsweredProgress answered={answered} total={interview.questions.length} />
      <QuestionNav
        items={interview.questions.map((q) => ({ ...q, flagged: Boolean(flags[q.id]) }))}
        answers={answers}
        current={current}
        onSelect={(index) => go(index)}
      />
      <FinishStatus state={finishing} onRetry={() => void finish()} />
      <QuestionSection
        question={question}
        index={current}
        total={interview.questions.length}
        prompt={prompts[question.id]}
        answer={answer}
        autoFocus={focusEditor}
        onEdit={(content) => {
          markTime();
          edit(question.id, content);
        }}
        onSave={() => void save(question.id)}
        onResolve={(which) => resolve(question.id, which)}
        spoken={{
          url: `/api/interviews/${interview.id}/answers/${question.id}/recording`,
          transcription,
          initial: spoken[question.id] ?? null,
          onRecording: (view) =>
            setSpoken((current) => {
              const next = { ...current };
              if (view) next[question.id] = view;
              else delete next[question.id];
              return next;
            }),
        }}
      />
      <RoomControls
        isFirst={current === 0}
        isLast={current === interview.questions.length - 1}
        flagged={Boolean(flags[question.id])}
        ending={finishing.phase === "submitting"}
        onPrevious={() => go(current - 1)}
        onNext={() => go(current + 1)}
        onToggleFlag={() => void toggleFlag()}
        onFinish={() => void finish()}
      />
      <LeaveDialog open={guard.leaving !== null} onStay={guard.stay} onLeave={guard.leave} />
    </div>
  );
}
