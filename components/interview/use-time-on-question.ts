"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Time on each question: counted while it is on screen; `markTime()` hands the whole seconds so far to
 * autosave (`addTime`), which sends them with the next save.
 */
export function useTimeOnQuestion(questionId: string, addTime: (questionId: string, seconds: number) => void) {
  const visibleSince = useRef(0);

  const markTime = useCallback(() => {
    const now = Date.now();
    const seconds = Math.floor((now - visibleSince.current) / 1000);
    if (seconds > 0) {
      addTime(questionId, seconds);
      visibleSince.current += seconds * 1000;
    }
  }, [addTime, questionId]);

  useEffect(() => {
    visibleSince.current = Date.now();
  }, [questionId]);

  return markTime;
}
