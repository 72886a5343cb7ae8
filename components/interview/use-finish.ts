"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TextState } from "@/components/autosave/protocol";
import { apiFetch } from "@/lib/client/api";
import type { InterviewView } from "@/lib/schemas/interviews";
import { finishRules } from "./finish-rules";
import { markFinished } from "./focus-after-finish";

export type FinishState =
  | { phase: "idle" }
  | { phase: "submitting"; message: string }
  /** Not finished yet: offline (tried again when the connection returns) or refused (tried again by the user). */
  | { phase: "waiting"; offline: boolean; message: string; rules: string };

const RETRY_MS = 15_000;
const SETTLE_MS = 5_000;

/**
 * Finishing: every answer is saved first, then the interview is ended and the review opened. Offline, nothing is
 * lost or hidden: the answers stay on the device, the room says so, and finishing is tried again as soon as the
 * connection returns (and every RETRY_MS, since "online" is not always told), or when the user asks.
 */
export function useFinish(
  interview: Pick<InterviewView, "id" | "questions" | "mode" | "deadlineAt">,
  /** The server clock's offset from this browser's (use-server-clock.ts), for the deadline rules. */
  offset: number,
  answers: Record<string, TextState>,
  flushAll: () => Promise<void>,
  markTime: () => void,
) {
  const router = useRouter();
  const [state, setState] = useState<FinishState>({ phase: "idle" });
  const busy = useRef(false);
  const latest = useRef(answers);
  useEffect(() => {
    latest.current = answers;
  });

  const finish = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ phase: "submitting", message: "Submitting your answers…" });
    markTime();
    await flushAll();
    // Saves still in flight (the autosave's own retry, say) settle first: an answer that reached the server after
    // the interview ended would count as late. `latest` follows the rendered state, hence the short waits.
    for (let waited = 0; waited < SETTLE_MS; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!Object.values(latest.current).some((a) => a.status === "saving")) break;
    }
    const unsent = !navigator.onLine || Object.values(latest.current).some((a) => a.status === "offline");
    const finished = unsent ? null : await apiFetch(`/api/interviews/${interview.id}/finish`, { method: "POST" });
    if (!finished?.ok) {
      busy.current = false;
      const offline = !finished || finished.error.offline;
      setState({
        phase: "waiting",
        offline,
        message: offline
          ? "This device is offline, so the interview has not finished yet. Your answers are kept on this device, and it finishes as soon as the connection returns."
          : `The interview could not finish: ${finished.error.messageOr("something went wrong on our side")}. Your answers are kept.`,
        rules: finishRules(interview, Date.now() + offset),
      });
      return;
    }
    markFinished(interview.id);
    if (interview.questions.some((q) => q.coding)) {
      setState({ phase: "submitting", message: "Running every test of your code in this browser…" });
      // Best effort: the review offers to run them again if this fails or the tab closes.
      await import("@/components/coding/report-tests")
        .then((m) => m.runAndReportTests(interview.id))
        .catch(() => undefined);
    }
    router.push(`/interviews/${interview.id}/review`);
  }, [flushAll, interview, offset, markTime, router]);

  const waitingOffline = state.phase === "waiting" && state.offline;
  useEffect(() => {
    if (!waitingOffline) return;
    const retry = () => void finish();
    window.addEventListener("online", retry);
    const timer = setInterval(() => navigator.onLine && retry(), RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      clearInterval(timer);
    };
  }, [waitingOffline, finish]);

  return { state, finish };
}
