"use client";

import { useEffect } from "react";

/** Alt+J next, Alt+K previous, Alt+L flag, wherever the focus is (the editors keep plain keys for typing). */
export function useRoomShortcuts({
  next,
  previous,
  toggleFlag,
}: {
  next: () => void;
  previous: () => void;
  toggleFlag: () => void;
}) {
  // Re-attached on every render (no dependency list) so the listener always sees the current question.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if (key === "j" || event.code === "KeyJ") next();
      else if (key === "k" || event.code === "KeyK") previous();
      else if (key === "l" || event.code === "KeyL") toggleFlag();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
