"use client";
// Record an answer aloud (issue #25): Record/Stop (Alt+R), elapsed time and a level meter while recording, then
// the recording is saved with the answer and its transcript goes into the editor for the user to correct. Where
// no transcription service is configured, the browser's own speech recognition can be chosen (it may send the
// audio to the browser's vendor: said, and off until chosen); otherwise the recording is kept for playback only.
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import type * as z from "zod/mini";
import { apiFetch } from "@/lib/client/api";
import { recordingAnswer, type recordingView } from "@/lib/schemas/responses";
import { clock, countWords } from "@/lib/speech/figures";
import { SpeakingFigures } from "./speaking-figures";
import { browserRecognition, canRecord, MAX_RECORDING_MS, useRecorder, type Take } from "./use-recorder";

type View = z.infer<typeof recordingView>;
export type RecordingView = View;
export type Transcription = "endpoint" | "none";

const BROWSER_CHOICE = "mockroom:browser-speech";
const button =
  "inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900";
const noop = () => () => undefined;

// The choice of the browser's recognition, kept in this browser (never on the server): read as an external store.
const choiceListeners = new Set<() => void>();
export function subscribeChoice(listener: () => void) {
  choiceListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    choiceListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}
export const readChoice = () => localStorage.getItem(BROWSER_CHOICE) === "yes";
function writeChoice(yes: boolean) {
  localStorage.setItem(BROWSER_CHOICE, yes ? "yes" : "no");
  choiceListeners.forEach((listener) => listener());
}

/** A transcript goes after what is written already, as a paragraph of its own. */
export function withTranscript(content: string, transcript: string): string {
  return content.trim() ? `${content.trimEnd()}\n\n${transcript}` : transcript;
}

export function SpokenAnswer({
  url,
  transcription,
  initial,
  disabled = false,
  onTranscript,
  onRecording,
}: {
  /** The answer's recording route (PUT a take, GET to play it, DELETE it). */
  url: string;
  transcription: Transcription;
  initial: View | null;
  disabled?: boolean;
  onTranscript: (text: string) => void;
  /** The answer's recording after a take or a deletion (the room keeps it while its questions come and go). */
  onRecording?: (view: View | null) => void;
}) {
  const id = useId();
  const [view, setView] = useState<View | null>(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The upload takes seconds: the transcript goes into the answer as it is then, not as it was at Stop.
  const latestOnTranscript = useRef(onTranscript);
  useEffect(() => {
    latestOnTranscript.current = onTranscript;
  });
  const supported = useSyncExternalStore(noop, canRecord, () => true);
  const hasRecognition = useSyncExternalStore(
    noop,
    () => browserRecognition() !== null,
    () => false,
  );
  const useBrowser = useSyncExternalStore(subscribeChoice, readChoice, () => false);
  const browser = transcription === "none" && hasRecognition && useBrowser;

  async function upload(take: Take) {
    setSaving(true);
    setMessage(transcription === "endpoint" ? "Saving and transcribing the recording…" : "Saving the recording…");
    const query = new URLSearchParams({
      durationMs: String(take.durationMs),
      pauses: take.pauses.map((p) => `${p.atMs}:${p.ms}`).join(","),
    });
    if (take.browserText !== null) query.set("browserWords", String(countWords(take.browserText)));
    const result = await apiFetch(`${url}?${query}`, {
      method: "PUT",
      body: take.blob,
      contentType: take.blob.type.replace(/\s+/g, ""),
      schema: recordingAnswer,
    });
    setSaving(false);
    if (!result.ok) {
      setMessage(`The recording was not saved: ${result.error.messageOr("try again.")}`);
      return;
    }
    setView(result.data.recording);
    onRecording?.(result.data.recording);
    const text = result.data.transcript ?? take.browserText;
    if (text) {
      latestOnTranscript.current(text);
      setMessage("Recording saved. Its transcript is in your answer: read it through and correct it.");
    } else if (result.data.transcriptError) {
      setMessage(`Recording saved, without a transcript: ${result.data.transcriptError}`);
    } else if (take.browserText !== null) {
      setMessage("Recording saved. Your browser heard no words to transcribe.");
    } else {
      setMessage(
        "Recording saved. No transcription service is set up, so type your answer; the recording plays back below.",
      );
    }
  }

  const recorder = useRecorder({ useBrowserRecognition: browser, onTake: (take) => void upload(take) });
  const recording = recorder.state.phase === "recording" || recorder.state.phase === "starting";
  const toggle = () => {
    if (recording) recorder.stop();
    else if (!disabled && !saving) {
      setMessage(null);
      void recorder.start();
    }
  };

  // Alt+R records and stops, wherever the focus is (as the room's Alt+J/K/L).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== "KeyR") return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  async function remove() {
    if (!window.confirm("Delete this recording? It cannot be brought back; your written answer stays.")) return;
    const result = await apiFetch(url, { method: "DELETE" });
    if (result.ok || result.error.status === 404) {
      setView(null);
      onRecording?.(null);
      setMessage("Recording deleted.");
    } else setMessage(result.error.messageOr("The recording could not be deleted."));
  }

  if (!supported)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">This browser cannot record audio; type your answer.</p>
    );

  const state = recorder.state;
  const failed = state.phase === "failed" ? state.message : null;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800"
    >
      <h3 id={`${id}-title`} className="sr-only">
        Spoken answer
      </h3>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={button}
          aria-keyshortcuts="Alt+R"
          disabled={disabled || saving || state.phase === "starting"}
          onClick={toggle}
        >
          <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${recording ? "bg-rose-600" : "bg-slate-400"}`} />
          {recording ? "Stop recording" : view ? "Record again" : "Record answer"}
        </button>
        {state.phase === "recording" ? (
          <>
            <span className="text-sm tabular-nums" aria-hidden>
              {clock(state.elapsedMs)} / {clock(MAX_RECORDING_MS)}
            </span>
            <span
              aria-hidden
              className="h-2 w-28 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
              data-testid="level-meter"
            >
              <span
                className="block h-full bg-emerald-500 transition-[width]"
                style={{ width: `${Math.round(state.level * 100)}%` }}
              />
            </span>
          </>
        ) : (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {/* A touch screen has no Alt key: the hint is for keyboards, as the room's. */}
            <span data-testid="record-shortcut-hint" className="pointer-coarse:hidden">
              Alt+R starts and stops ·{" "}
            </span>
            up to 5 minutes
          </span>
        )}
      </div>
      <p role="status" className="text-sm">
        {state.phase === "recording"
          ? "Recording… press Stop recording or Alt+R when you are done."
          : (failed ?? message ?? "")}
      </p>
      {transcription === "none" ? (
        hasRecognition ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-1"
              checked={useBrowser}
              disabled={recording}
              onChange={(event) => writeChoice(event.currentTarget.checked)}
            />
            <span>
              Transcribe with my browser’s speech recognition.{" "}
              <span className="text-slate-600 dark:text-slate-400">
                Your browser may send the audio to its maker’s servers (Chrome sends it to Google). Off, the recording
                stays in Mockroom and you type the answer.
              </span>
            </span>
          </label>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            No transcription service is set up here: a recording is kept for playback, and you type the answer.
          </p>
        )
      ) : null}
      {view ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <audio controls preload="none" src={view.url} aria-label="Your recording" className="h-9 max-w-full" />
            <button
              type="button"
              className={button}
              disabled={disabled || recording || saving}
              onClick={() => void remove()}
            >
              Delete recording
            </button>
          </div>
          <SpeakingFigures figures={view.figures} />
        </div>
      ) : null}
    </section>
  );
}
