"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { InterviewView } from "@/lib/schemas/interviews";

/**
 * The open question, remembered on the server with the interview, so a reload or another device opens on it.
 * One request at a time, always for the latest choice (a quick run of Alt+J never lands out of order); a choice
 * made offline is sent when the connection returns.
 */
export function useCurrentQuestion(interview: Pick<InterviewView, "id" | "questions" | "currentQuestionId">) {
  const [current, setCurrent] = useState(() =>
    Math.max(
      0,
      interview.questions.findIndex((q) => q.id === interview.currentQuestionId),
    ),
  );
  const opened = interview.currentQuestionId ?? interview.questions[0]?.id ?? null;
  const stored = useRef(opened);
  const wanted = useRef(opened);
  const sending = useRef(false);

  const send = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    try {
      while (wanted.current && wanted.current !== stored.current) {
        const questionId = wanted.current;
        const result = await apiFetch(`/api/interviews/${interview.id}/current`, {
          method: "PUT",
          body: { questionId },
          keepalive: true,
        });
        // Offline: tried again on "online". Refused (the interview ended): nothing left to remember.
        if (!result.ok && result.error.offline) break;
        stored.current = questionId;
      }
    } finally {
      sending.current = false;
    }
  }, [interview.id]);

  useEffect(() => {
    const retry = () => void send();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [send]);

  const select = useCallback(
    (index: number) => {
      setCurrent(index);
      wanted.current = interview.questions[index]!.id;
      void send();
    },
    [interview.questions, send],
  );

  return [current, select] as const;
}
