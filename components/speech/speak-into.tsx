"use client";
// Speak an answer into a text box (issue #25: answering an AI follow-up aloud): recorded in the browser, turned
// into text by the configured endpoint (the audio is not kept) or by the browser's own recognition when the user
// chose it under a recorder; then the text is added to the box to correct. Not shown when neither can transcribe.
import { useState, useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/client/api";
import { transcriptionAnswer } from "@/lib/schemas/responses";
import { clock } from "@/lib/speech/figures";
import { readChoice, subscribeChoice, type Transcription } from "./spoken-answer";
import { browserRecognition, canRecord, useRecorder, type Take } from "./use-recorder";

const never = () => () => undefined;

export function SpeakInto({ transcription, onText }: { transcription: Transcription; onText: (text: string) => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const supported = useSyncExternalStore(never, canRecord, () => false);
  const browserChosen = useSyncExternalStore(
    subscribeChoice,
    () => readChoice() && browserRecognition() !== null,
    () => false,
  );
  const useBrowser = transcription === "none" && browserChosen;

  async function take(recorded: Take) {
    if (recorded.browserText !== null) {
      if (recorded.browserText) onText(recorded.browserText);
      setMessage(
        recorded.browserText
          ? "Added what your browser heard: correct it before sending."
          : "Your browser heard no words.",
      );
      return;
    }
    setWorking(true);
    setMessage("Transcribing…");
    const result = await apiFetch("/api/transcriptions", {
      method: "POST",
      body: recorded.blob,
      contentType: recorded.blob.type.replace(/\s+/g, ""),
      schema: transcriptionAnswer,
    });
    setWorking(false);
    if (!result.ok) return setMessage(result.error.messageOr("The recording could not be transcribed."));
    if (result.data.transcript) {
      onText(result.data.transcript);
      setMessage("Added the transcript: correct it before sending.");
    } else setMessage(result.data.transcriptError ?? "No words were heard.");
  }

  const recorder = useRecorder({ useBrowserRecognition: useBrowser, onTake: (t) => void take(t) });
  if (!supported || (transcription === "none" && !useBrowser)) return null;
  const state = recorder.state;
  const recording = state.phase === "recording" || state.phase === "starting";
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-900"
        disabled={working}
        onClick={() => (recording ? recorder.stop() : void recorder.start())}
      >
        <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${recording ? "bg-rose-600" : "bg-slate-400"}`} />
        {recording ? "Stop" : "Speak your answer"}
      </button>
      <span role="status">
        {state.phase === "recording"
          ? `Recording… ${clock(state.elapsedMs)}`
          : state.phase === "failed"
            ? state.message
            : (message ?? "")}
      </span>
    </div>
  );
}
