"use client";

import { useCallback, useRef } from "react";
import { useAutosave } from "@/components/autosave/use-autosave";

/**
 * Autosave for every answer of an interview (components/autosave/use-autosave.ts), keyed by question id.
 * Each save also carries the seconds spent on the question since the last stored save.
 */
export function useAnswerAutosave(
  interviewId: string,
  initial: { questionId: string; content: string; revision: number }[],
) {
  const spent = useRef(new Map<string, number>());
  const { texts, edit, save, resolve, flushAll } = useAutosave(
    initial.map(({ questionId, content, revision }) => ({ key: questionId, content, revision })),
    {
      url: (questionId) => `/api/interviews/${interviewId}/answers/${questionId}`,
      draftKey: (questionId) => `mockroom:draft:${interviewId}:${questionId}`,
      extra: {
        take: (questionId) => ({ timeSpentSeconds: spent.current.get(questionId) ?? 0 }),
        // Time counted while that save was in flight is sent with the next one.
        stored: (questionId, sent) =>
          spent.current.set(questionId, Math.max(0, (spent.current.get(questionId) ?? 0) - sent.timeSpentSeconds)),
      },
    },
  );

  const addTime = useCallback((questionId: string, seconds: number) => {
    spent.current.set(questionId, (spent.current.get(questionId) ?? 0) + seconds);
  }, []);

  return { answers: texts, edit, save, resolve, addTime, flushAll };
}
