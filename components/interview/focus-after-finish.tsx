"use client";

import { useEffect } from "react";

const KEY = "mockroom:finished-interview";

/** Called by the room when the interview has finished: the review it opens then focuses its heading. */
export function markFinished(interviewId: string) {
  try {
    sessionStorage.setItem(KEY, interviewId);
  } catch {
    // Storage refused (private mode): the review opens with the focus where the browser leaves it.
  }
}

/**
 * On the review, right after the room finished this interview: focus moves to the heading `targetId`, so a
 * keyboard or screen-reader user starts on the result, not at the top of the page. A review opened any other way
 * keeps the browser's focus (the skip link first).
 */
export function FocusAfterFinish({ interviewId, targetId }: { interviewId: string; targetId: string }) {
  useEffect(() => {
    try {
      if (sessionStorage.getItem(KEY) !== interviewId) return;
      sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    document.getElementById(targetId)?.focus();
  }, [interviewId, targetId]);
  return null;
}
