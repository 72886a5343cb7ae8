"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiFetch } from "@/lib/client/api";
import type { InterviewView } from "@/lib/schemas/interviews";
import { AnsweredProgress } from "./answered-progress";
import { QuestionNav } from "./question-nav";
import { QuestionSection } from "./question-section";
import { RoomControls } from "./room-controls";
import { RoomHeader } from "./room-header";
import { useAnswerAutosave } from "./use-answer-autosave";
import { useRoomShortcuts } from "./use-room-shortcuts";
import { useServerOffset } from "./use-server-clock";
import { useTimeOnQuestion } from "./use-time-on-question";

export function InterviewRoom({
  interview,
  promptsHtml,
}: {
  interview: InterviewView;
  promptsHtml: Record<string, string>;
}) {
  const router = useRouter();
  const [current, setCurrent] = useState(0);
  const [flags, setFlags] = useState(() => Object.fromEntries(interview.questions.map((q) => [q.id, q.flagged])));
  const [ending, setEnding] = useState<string | null>(null);
  const { answers, edit, save, resolve, addTime, flushAll } = useAnswerAutosave(interview.id, interview.answers);
  const offset = useServerOffset(interview.id, interview.serverNow);
  const question = interview.questions[current]!;
  const answer = answers[question.id]!;
  const markTime = useTimeOnQuestion(question.id, addTime);

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
      await import("@/components/coding/report-tests")
        .then((m) => m.runAndReportTests(interview.id))
        .catch(() => undefined);
    }
    router.push(`/interviews/${interview.id}/review`);
  }, [flushAll, interview.id, interview.questions, markTime, router]);

  async function toggleFlag() {
    const flagged = !flags[question.id];
    setFlags((f) => ({ ...f, [question.id]: flagged }));
    await apiFetch(`/api/interviews/${interview.id}/answers/${question.id}/flag`, { method: "PUT", body: { flagged } });
  }

  useRoomShortcuts({
    next: () => go(current + 1),
    previous: () => go(current - 1),
    toggleFlag: () => void toggleFlag(),
  });

  const answered = interview.questions.filter((q) => answers[q.id]!.content.trim()).length;
  return (
    <div className="space-y-6">
      <RoomHeader interview={interview} offset={offset} onExpire={finish} />
      <AnsweredProgress answered={answered} total={interview.questions.length} />
      <QuestionNav
        items={interview.questions.map((q) => ({ ...q, flagged: Boolean(flags[q.id]) }))}
        answers={answers}
        current={current}
        onSelect={go}
      />
      {ending ? <Alert>{ending}</Alert> : null}
      <QuestionSection
        question={question}
        index={current}
        total={interview.questions.length}
        promptHtml={promptsHtml[question.id]}
        answer={answer}
        onEdit={(content) => {
          markTime();
          edit(question.id, content);
        }}
        onSave={() => void save(question.id)}
        onResolve={(which) => resolve(question.id, which)}
      />
      <RoomControls
        isFirst={current === 0}
        isLast={current === interview.questions.length - 1}
        flagged={Boolean(flags[question.id])}
        ending={ending !== null}
        onPrevious={() => go(current - 1)}
        onNext={() => go(current + 1)}
        onToggleFlag={() => void toggleFlag()}
        onFinish={() => void finish()}
      />
    </div>
  );
}
