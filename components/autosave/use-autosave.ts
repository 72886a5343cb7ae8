"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { savedRevisionAnswer } from "@/lib/schemas/responses";
import { clearDraft, currentTab, readDraft, writeDraft } from "./drafts";
import {
  BUSY_MS,
  DEBOUNCE_MS,
  needsSave,
  restoreDraft,
  RETRY_MS,
  saveOutcome,
  statusAfterEdit,
  type SaveOutcome,
  type TextState,
  type Version,
} from "./protocol";
import { UnansweredWrites } from "./unanswered-writes";

export type AutosaveOptions<E extends object> = {
  /** Where a text is PUT as {content, revision, ...extra}. */
  url: (key: string) => string;
  /** Where its draft is kept on the device until the server has it. */
  draftKey: (key: string) => string;
  /** Fields sent beside the text (an interview's time on the question); `stored` is told once the server has them. */
  extra?: { take: (key: string) => E; stored: (key: string, sent: E) => void };
};

/**
 * Autosave for texts saved with a revision (interview answers, practice drafts, notes), the rules in
 * ./protocol.ts: debounced saves with the revision last acknowledged, drafts on the device until the server
 * has them, retries while offline or while the server is down, and conflicts surfaced (never overwritten)
 * when another tab saved first. `initial` is read once; options are read at each save.
 */
export function useAutosave<E extends object = object>(
  initial: (Version & { key: string })[],
  options: AutosaveOptions<E>,
) {
  const [texts, setTexts] = useState<Record<string, TextState>>(() =>
    Object.fromEntries(
      initial.map(({ key, content, revision }) => [key, { content, revision, status: "saved" as const }]),
    ),
  );
  const latest = useRef(texts);
  const config = useRef(options);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(new Set<string>());
  const unanswered = useRef(new Map<string, UnansweredWrites>());
  // save() re-schedules itself; it reaches its latest version through this ref.
  const saveRef = useRef<(key: string) => Promise<void>>(async () => undefined);
  useEffect(() => {
    config.current = options;
  });

  const schedule = useCallback((key: string, ms: number) => {
    clearTimeout(timers.current.get(key));
    timers.current.set(
      key,
      setTimeout(() => void saveRef.current(key), ms),
    );
  }, []);

  // The ref is updated synchronously (a functional setState may run later, at render), so a save() called
  // right after an update() sees it.
  const update = useCallback((key: string, change: Partial<TextState>) => {
    const next = { ...latest.current, [key]: { ...latest.current[key]!, ...change } };
    latest.current = next;
    setTexts(next);
  }, []);

  const save = useCallback(
    async (key: string): Promise<void> => {
      clearTimeout(timers.current.get(key));
      const text = latest.current[key];
      if (!text || !needsSave(text.status)) return;
      if (inFlight.current.has(key)) return schedule(key, BUSY_MS);
      inFlight.current.add(key);
      const { url, draftKey, extra } = config.current;
      const sent = { content: text.content, revision: text.revision, ...extra?.take(key) };
      let writes = unanswered.current.get(key);
      if (!writes) unanswered.current.set(key, (writes = new UnansweredWrites()));
      update(key, { status: "saving", error: undefined });
      let outcome: SaveOutcome;
      try {
        outcome = saveOutcome(
          await apiFetch(url(key), { method: "PUT", body: sent, schema: savedRevisionAnswer }),
          sent.content,
          writes,
        );
      } finally {
        inFlight.current.delete(key);
      }
      if (outcome.kind === "saved") {
        writes.clear();
        if (!outcome.own && extra) extra.stored(key, sent as E);
        const now = latest.current[key]!;
        const changedSince = now.content !== outcome.stored.content;
        update(key, { revision: outcome.stored.revision, status: changedSince ? "unsaved" : "saved" });
        if (changedSince) {
          writeDraft(draftKey(key), now.content, outcome.stored.revision);
          schedule(key, outcome.own ? 0 : DEBOUNCE_MS);
        } else clearDraft(draftKey(key));
      } else if (outcome.kind === "conflict") update(key, { status: "conflict", conflict: outcome.current });
      else if (outcome.kind === "time-up") update(key, { status: "time-up" });
      else if (outcome.kind === "signed-out") update(key, { status: "signed-out" });
      // Not retried: the text stays here and on the device; the message says what to change.
      else if (outcome.kind === "rejected") update(key, { status: "unsaved", error: outcome.message });
      else {
        // Network down or server unavailable: the draft stays on the device; try again soon. The save may
        // have committed all the same.
        writes.record(text.revision, sent.content);
        update(key, { status: "offline" });
        schedule(key, RETRY_MS);
      }
    },
    [schedule, update],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const edit = useCallback(
    (key: string, content: string) => {
      const text = latest.current[key]!;
      if (text.content === content) return;
      writeDraft(config.current.draftKey(key), content, text.revision);
      update(key, { content, status: statusAfterEdit(text.status) });
      schedule(key, DEBOUNCE_MS);
    },
    [schedule, update],
  );

  /** Conflict resolved: keep mine (save it over the newer revision) or take the saved version. */
  const resolve = useCallback(
    (key: string, keep: "mine" | "saved") => {
      const text = latest.current[key]!;
      if (!text.conflict) return;
      if (keep === "saved") {
        clearDraft(config.current.draftKey(key));
        update(key, {
          content: text.conflict.content,
          revision: text.conflict.revision,
          status: "saved",
          conflict: undefined,
        });
      } else {
        update(key, { revision: text.conflict.revision, status: "unsaved", conflict: undefined });
        void save(key);
      }
    },
    [save, update],
  );

  /** After a save elsewhere (e.g. "Save answer" made a version, the note was deleted), adopt the server's text. */
  const adopt = useCallback(
    (key: string, content: string, revision: number) => {
      clearDraft(config.current.draftKey(key));
      update(key, { content, revision, status: "saved", conflict: undefined, error: undefined });
    },
    [update],
  );

  const flushAll = useCallback(async () => {
    await Promise.all(Object.keys(latest.current).map((key) => save(key)));
  }, [save]);

  // Drafts left by a closed tab or an outage: restore and send them, or show a conflict if the server moved
  // on. Then retry when the network is back, and save what can be saved when the page goes away.
  const scope = Object.keys(texts).map(options.draftKey).join("\n");
  useEffect(() => {
    const waits = new Set<ReturnType<typeof setTimeout>>();
    const restore = (key: string) => {
      const text = latest.current[key];
      // Typed into here meanwhile, or already saved from here: this tab's own text goes first.
      if (!text || text.status !== "saved") return;
      const draft = readDraft(config.current.draftKey(key));
      const found = restoreDraft(draft, text, { tab: currentTab(), now: Date.now() });
      if (found.kind === "send") {
        update(key, { content: found.content, status: "unsaved" });
        void saveRef.current(key);
      } else if (found.kind === "conflict")
        update(key, { content: found.content, status: "conflict", conflict: found.conflict });
      else if (found.kind === "wait") {
        const timer = setTimeout(() => {
          waits.delete(timer);
          restore(key);
        }, found.ms);
        waits.add(timer);
      }
    };
    Object.keys(latest.current).forEach(restore);
    const retry = () =>
      Object.keys(latest.current).forEach(
        (key) => latest.current[key]!.status === "offline" && void saveRef.current(key),
      );
    const flush = () => Object.keys(latest.current).forEach((key) => void saveRef.current(key));
    window.addEventListener("online", retry);
    window.addEventListener("pagehide", flush);
    const currentTimers = timers.current;
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("pagehide", flush);
      currentTimers.forEach(clearTimeout);
      waits.forEach(clearTimeout);
    };
  }, [scope, update]);

  return { texts, edit, save, resolve, adopt, flushAll };
}

const ONE = "document";

/** One autosaved document (a note, a practice draft): the same protocol under a single key. */
export function useDocumentAutosave(url: string, draftKey: string, initial: Version) {
  const { texts, edit, save, resolve, adopt } = useAutosave([{ key: ONE, ...initial }], {
    url: () => url,
    draftKey: () => draftKey,
  });
  const actions = useMemo(
    () => ({
      edit: (content: string) => edit(ONE, content),
      save: () => save(ONE),
      resolve: (keep: "mine" | "saved") => resolve(ONE, keep),
      adopt: (content: string, revision: number) => adopt(ONE, content, revision),
    }),
    [edit, save, resolve, adopt],
  );
  return { doc: texts[ONE]!, ...actions };
}
