"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { clearDraft, readDraft, writeDraft } from "./drafts";
import { UnansweredWrites } from "./unanswered-writes";

export type SaveStatus = "saved" | "unsaved" | "saving" | "offline" | "conflict" | "time-up" | "signed-out";
export type AnswerState = {
  content: string;
  /** The server revision this content is based on. */
  revision: number;
  status: SaveStatus;
  conflict?: { content: string; revision: number };
};

const DEBOUNCE_MS = 1_000;
const RETRY_MS = 3_000;

function unansweredFor(map: Map<string, UnansweredWrites>, questionId: string): UnansweredWrites {
  let writes = map.get(questionId);
  if (!writes) map.set(questionId, (writes = new UnansweredWrites()));
  return writes;
}

/**
 * Autosave for every answer of an interview: debounced saves with the revision last acknowledged,
 * drafts in localStorage until the server has them, retries while offline or while the database is
 * down, and conflicts surfaced (never overwritten) when another tab saved first.
 */
export function useAutosave(interviewId: string, initial: { questionId: string; content: string; revision: number }[]) {
  const [answers, setAnswers] = useState<Record<string, AnswerState>>(() =>
    Object.fromEntries(initial.map((a) => [a.questionId, { content: a.content, revision: a.revision, status: "saved" as SaveStatus }])),
  );
  const latest = useRef(answers);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<string>());
  const spent = useRef(new Map<string, number>());
  const unanswered = useRef(new Map<string, UnansweredWrites>());
  // save() re-schedules itself; it reaches its latest version through this ref.
  const saveRef = useRef<(questionId: string) => Promise<void>>(async () => undefined);
  const schedule = useCallback((questionId: string, ms: number) => {
    clearTimeout(timers.current.get(questionId));
    timers.current.set(questionId, setTimeout(() => void saveRef.current(questionId), ms));
  }, []);

  // The ref is updated synchronously (a functional setState may run later, at render), so a save() called
  // right after an update() sees it.
  const update = useCallback((questionId: string, change: Partial<AnswerState>) => {
    const next = { ...latest.current, [questionId]: { ...latest.current[questionId]!, ...change } };
    latest.current = next;
    setAnswers(next);
  }, []);

  const save = useCallback(
    async (questionId: string): Promise<void> => {
      clearTimeout(timers.current.get(questionId));
      const answer = latest.current[questionId];
      if (!answer || answer.status === "saved" || answer.status === "conflict" || answer.status === "time-up") return;
      if (inFlight.current.has(questionId)) {
        schedule(questionId, 200);
        return;
      }
      inFlight.current.add(questionId);
      const sent = answer.content;
      const timeSpentSeconds = spent.current.get(questionId) ?? 0;
      update(questionId, { status: "saving" });
      try {
        const response = await fetch(`/api/interviews/${interviewId}/answers/${questionId}`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ content: sent, revision: answer.revision, timeSpentSeconds }),
        });
        const body = (await response.json().catch(() => null)) as { revision?: number; error?: { code?: string }; current?: { content: string; revision: number } } | null;
        // A conflict with our own words is no conflict: the server holds what was sent (an earlier try of this
        // text committed but its answer was lost), or an earlier unanswered save of ours (see UnansweredWrites).
        const current = body?.error?.code === "CONFLICT" ? body.current : undefined;
        const own = current && (current.content === sent || unansweredFor(unanswered.current, questionId).isOwn(current)) ? current : undefined;
        const acknowledged = response.ok && typeof body?.revision === "number" ? { content: sent, revision: body.revision } : own;
        if (acknowledged) {
          unansweredFor(unanswered.current, questionId).clear();
          if (response.ok) spent.current.set(questionId, Math.max(0, (spent.current.get(questionId) ?? 0) - timeSpentSeconds));
          const now = latest.current[questionId]!;
          const changedSince = now.content !== acknowledged.content;
          update(questionId, { revision: acknowledged.revision, status: changedSince ? "unsaved" : "saved" });
          if (changedSince) {
            writeDraft(interviewId, questionId, now.content, acknowledged.revision);
            schedule(questionId, own ? 0 : DEBOUNCE_MS);
          } else clearDraft(interviewId, questionId);
        } else if (response.status === 409 && body?.error?.code === "CONFLICT" && body.current) {
          update(questionId, { status: "conflict", conflict: body.current });
        } else if (response.status === 409 && body?.error?.code === "TIME_UP") {
          update(questionId, { status: "time-up" });
        } else if (response.status === 401) {
          update(questionId, { status: "signed-out" });
        } else {
          throw new Error(`save failed with ${response.status}`);
        }
      } catch {
        // Network down or server unavailable: the draft stays in localStorage; try again soon. The save may
        // have committed all the same.
        unansweredFor(unanswered.current, questionId).record(answer.revision, sent);
        update(questionId, { status: "offline" });
        schedule(questionId, RETRY_MS);
      } finally {
        inFlight.current.delete(questionId);
      }
    },
    [interviewId, schedule, update],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const edit = useCallback(
    (questionId: string, content: string) => {
      const answer = latest.current[questionId]!;
      if (answer.content === content) return;
      writeDraft(interviewId, questionId, content, answer.revision);
      update(questionId, { content, status: answer.status === "conflict" || answer.status === "time-up" ? answer.status : "unsaved" });
      schedule(questionId, DEBOUNCE_MS);
    },
    [interviewId, schedule, update],
  );

  /** Conflict resolved: keep mine (save it over the newer revision) or take the saved version. */
  const resolve = useCallback(
    (questionId: string, keep: "mine" | "saved") => {
      const answer = latest.current[questionId]!;
      if (!answer.conflict) return;
      if (keep === "saved") {
        clearDraft(interviewId, questionId);
        update(questionId, { content: answer.conflict.content, revision: answer.conflict.revision, status: "saved", conflict: undefined });
      } else {
        update(questionId, { revision: answer.conflict.revision, status: "unsaved", conflict: undefined });
        void save(questionId);
      }
    },
    [interviewId, save, update],
  );

  const addTime = useCallback((questionId: string, seconds: number) => {
    spent.current.set(questionId, (spent.current.get(questionId) ?? 0) + seconds);
  }, []);

  const flushAll = useCallback(async () => {
    await Promise.all(Object.keys(latest.current).map((id) => save(id)));
  }, [save]);

  // Drafts left by a closed tab or an outage: restore and send them, or show a conflict if the server moved on.
  useEffect(() => {
    for (const [questionId, answer] of Object.entries(latest.current)) {
      const draft = readDraft(interviewId, questionId);
      if (!draft || draft.content === answer.content) continue;
      if (draft.baseRevision === answer.revision) {
        update(questionId, { content: draft.content, status: "unsaved" });
        void save(questionId);
      } else {
        update(questionId, { content: draft.content, status: "conflict", conflict: { content: answer.content, revision: answer.revision } });
      }
    }
    const retry = () => Object.keys(latest.current).forEach((id) => latest.current[id]!.status === "offline" && void save(id));
    window.addEventListener("online", retry);
    const currentTimers = timers.current;
    return () => {
      window.removeEventListener("online", retry);
      currentTimers.forEach(clearTimeout);
    };
  }, [interviewId, save, update]);

  return { answers, edit, save, resolve, addTime, flushAll };
}
