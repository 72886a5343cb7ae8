"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { UnansweredWrites } from "@/components/interview/unanswered-writes";
import type { SaveStatus } from "@/components/interview/use-autosave";

export type DocumentState = { content: string; revision: number; status: SaveStatus; conflict?: { content: string; revision: number }; error?: string };

const DEBOUNCE_MS = 1_000;
const RETRY_MS = 3_000;

type Stored = { content: string; baseRevision: number };

function readLocal(key: string): Stored | null {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "null") as Stored | null;
    return value && typeof value.content === "string" && Number.isInteger(value.baseRevision) ? value : null;
  } catch {
    return null;
  }
}

function writeLocal(key: string, value: Stored | null) {
  try {
    if (value) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch {
    // storage full or disabled: the server copy is all we have
  }
}

/**
 * Autosave for one document (a note, a practice draft): debounced PUT {content, revision}, a local draft
 * until the server acknowledges, retries while offline, and a conflict (never an overwrite) when another
 * tab saved first. The same contract as interview answers (components/interview/use-autosave.ts).
 */
export function useDocumentAutosave(url: string, storageKey: string, initial: { content: string; revision: number }) {
  const [doc, setDoc] = useState<DocumentState>({ ...initial, status: "saved" });
  const latest = useRef(doc);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const unanswered = useRef(new UnansweredWrites());
  const saveRef = useRef<() => Promise<void>>(async () => undefined);

  // The ref is updated synchronously (a functional setState may run later, at render), so a save() called
  // right after an update() sees it.
  const update = useCallback((change: Partial<DocumentState>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setDoc(next);
  }, []);

  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    const current = latest.current;
    if (current.status === "saved" || current.status === "conflict") return;
    if (inFlight.current) return schedule(200);
    inFlight.current = true;
    const sent = current.content;
    update({ status: "saving", error: undefined });
    try {
      const response = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ content: sent, revision: current.revision }),
      });
      const body = (await response.json().catch(() => null)) as { revision?: number; error?: { code?: string; message?: string }; current?: { content: string; revision: number } } | null;
      // A conflict with our own words is no conflict: the server holds what was sent (an earlier try of this
      // text committed but its answer was lost), or an earlier unanswered save of ours (see UnansweredWrites).
      const own = response.status === 409 && body?.current && (body.current.content === sent || unanswered.current.isOwn(body.current)) ? body.current : undefined;
      const acknowledged = response.ok && typeof body?.revision === "number" ? { content: sent, revision: body.revision } : own;
      if (acknowledged) {
        unanswered.current.clear();
        const changedSince = latest.current.content !== acknowledged.content;
        update({ revision: acknowledged.revision, status: changedSince ? "unsaved" : "saved" });
        if (changedSince) {
          writeLocal(storageKey, { content: latest.current.content, baseRevision: acknowledged.revision });
          schedule(own ? 0 : DEBOUNCE_MS);
        } else writeLocal(storageKey, null);
      } else if (response.status === 409 && body?.current) {
        update({ status: "conflict", conflict: body.current });
      } else if (response.status === 401) {
        update({ status: "signed-out" });
      } else if (response.status === 413 || response.status === 400) {
        // Not retried: the text stays here and in local storage; the message says what to change.
        update({ status: "unsaved", error: body?.error?.message ?? "This text cannot be saved." });
      } else {
        throw new Error(`save failed with ${response.status}`);
      }
    } catch {
      // Network down or server unavailable: retried soon. The save may have committed all the same.
      unanswered.current.record(current.revision, sent);
      update({ status: "offline" });
      schedule(RETRY_MS);
    } finally {
      inFlight.current = false;
    }
  }, [schedule, storageKey, update, url]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const edit = useCallback(
    (content: string) => {
      const current = latest.current;
      if (current.content === content) return;
      writeLocal(storageKey, { content, baseRevision: current.revision });
      update({ content, status: current.status === "conflict" ? "conflict" : "unsaved" });
      schedule(DEBOUNCE_MS);
    },
    [schedule, storageKey, update],
  );

  const resolve = useCallback(
    (keep: "mine" | "saved") => {
      const current = latest.current;
      if (!current.conflict) return;
      if (keep === "saved") {
        writeLocal(storageKey, null);
        update({ content: current.conflict.content, revision: current.conflict.revision, status: "saved", conflict: undefined });
      } else {
        update({ revision: current.conflict.revision, status: "unsaved", conflict: undefined });
        void save();
      }
    },
    [save, storageKey, update],
  );

  /** After a save elsewhere (e.g. "Save answer" made a version), adopt the server's content and revision. */
  const adopt = useCallback(
    (content: string, revision: number) => {
      writeLocal(storageKey, null);
      update({ content, revision, status: "saved", conflict: undefined, error: undefined });
    },
    [storageKey, update],
  );

  // A draft left by a closed tab or an outage: send it, or show a conflict if the server moved on.
  useEffect(() => {
    const draft = readLocal(storageKey);
    const current = latest.current;
    if (draft && draft.content !== current.content) {
      if (draft.baseRevision === current.revision) {
        update({ content: draft.content, status: "unsaved" });
        void saveRef.current();
      } else {
        update({ content: draft.content, status: "conflict", conflict: { content: current.content, revision: current.revision } });
      }
    }
    const retry = () => latest.current.status === "offline" && void saveRef.current();
    window.addEventListener("online", retry);
    const flush = () => {
      if (latest.current.status === "unsaved") void saveRef.current();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("pagehide", flush);
      clearTimeout(timer.current);
    };
  }, [storageKey, update]);

  return { doc, edit, save, resolve, adopt };
}
