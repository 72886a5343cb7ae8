"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";

const noSubscription = () => () => undefined;

export const ROOM_EDITOR_ID = "room-editor";

/** Focuses the open question's editor (CodeMirror's, or the textarea standing in until it loads). */
export function focusRoomEditor(): boolean {
  const editor = document
    .getElementById(ROOM_EDITOR_ID)
    ?.querySelector<HTMLElement>(".cm-content, textarea:not([hidden])");
  editor?.focus();
  return Boolean(editor);
}

/**
 * "Skip to your answer", the first stop of the Tab key in the room: it sits before the site's own skip link and
 * header (a portal to the start of <body>), so the editor is one Tab and Enter away.
 */
export function SkipToEditor() {
  // Rendered after hydration only: the server's HTML has no place before the header for it.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [slot] = useState(() => (typeof document === "undefined" ? null : document.createElement("div")));
  useEffect(() => {
    if (!slot) return;
    document.body.prepend(slot);
    return () => slot.remove();
  }, [slot]);
  if (!hydrated || !slot) return null;
  return createPortal(
    <a
      href={`#${ROOM_EDITOR_ID}`}
      onClick={(event) => {
        if (focusRoomEditor()) event.preventDefault();
      }}
      className="sr-only z-50 rounded-md bg-brand-600 px-4 py-2 text-white focus:not-sr-only focus:absolute focus:top-4 focus:left-4"
    >
      Skip to your answer
    </a>,
    slot,
  );
}
