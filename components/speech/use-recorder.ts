"use client";
// The browser side of a spoken answer (issue #25): the microphone through MediaRecorder (Opus), elapsed time and a
// level meter from an AnalyserNode, the silences of 2 s or more (for the speaking figures), a stop at five
// minutes, and, only when the user chose it and no transcription service is configured, the browser's own speech
// recognition. Nothing is sent anywhere until the recording stops; then the owner of this hook uploads it.
import { useCallback, useEffect, useRef, useState } from "react";

export const MAX_RECORDING_MS = 5 * 60 * 1000;
/** RMS under this (0..1) is silence; espeak's and people's speech sit well above it. */
const SILENCE_LEVEL = 0.015;
const MIN_PAUSE_MS = 2_000;
const TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"];

export type Take = {
  blob: Blob;
  durationMs: number;
  pauses: { atMs: number; ms: number }[];
  browserText: string | null;
};
export type RecorderState =
  | { phase: "idle" }
  | { phase: "starting" }
  | { phase: "recording"; elapsedMs: number; level: number }
  | { phase: "failed"; message: string };

type Recognition = {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult:
    | ((event: {
        resultIndex: number;
        results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }>;
      }) => void)
    | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
};
type RecognitionConstructor = new () => Recognition;

/** The browser's own speech recognition, where it exists (Chrome sends the audio to Google's servers for it). */
export function browserRecognition(): RecognitionConstructor | null {
  if (typeof window === "undefined") return null;
  const w = window as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export function canRecord(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof MediaRecorder !== "undefined" &&
    Boolean(navigator.mediaDevices?.getUserMedia)
  );
}

function microphoneMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === "NotAllowedError" || name === "SecurityError")
    return "Mockroom may not use the microphone. Allow it for this site in the browser's settings, then try again.";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "No microphone was found.";
  if (name === "NotReadableError") return "The microphone is busy in another application.";
  return "The microphone could not be started.";
}

export function useRecorder({
  useBrowserRecognition,
  onTake,
}: {
  useBrowserRecognition: boolean;
  onTake: (take: Take) => void;
}) {
  const [state, setState] = useState<RecorderState>({ phase: "idle" });
  const session = useRef<{ stop: () => void } | null>(null);
  const latest = useRef(onTake);
  useEffect(() => {
    latest.current = onTake;
  });

  const start = useCallback(async () => {
    if (session.current) return;
    if (!canRecord()) {
      setState({ phase: "failed", message: "This browser cannot record audio." });
      return;
    }
    setState({ phase: "starting" });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      setState({ phase: "failed", message: microphoneMessage(error) });
      return;
    }
    const mimeType = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), audioBitsPerSecond: 48_000 });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size) chunks.push(event.data);
    };
    const audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 2048;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const pauses: Take["pauses"] = [];
    let silentSince: number | null = null;
    const begun = performance.now();
    let frame = 0;
    let lastShown = 0;

    const Recognition = useBrowserRecognition ? browserRecognition() : null;
    const heard: string[] = [];
    let recognition: Recognition | null = null;
    if (Recognition) {
      recognition = new Recognition();
      recognition.continuous = true;
      recognition.interimResults = false;
      recognition.lang = document.documentElement.lang || "en";
      recognition.onresult = (event) => {
        for (let i = event.resultIndex; i < event.results.length; i++)
          if (event.results[i]!.isFinal) heard.push(event.results[i]![0]!.transcript.trim());
      };
      recognition.onerror = () => undefined;
      try {
        recognition.start();
      } catch {
        recognition = null;
      }
    }

    const closeSilence = (now: number) => {
      if (silentSince !== null && now - silentSince >= MIN_PAUSE_MS)
        pauses.push({ atMs: Math.round(silentSince - begun), ms: Math.round(now - silentSince) });
      silentSince = null;
    };
    const tick = () => {
      const now = performance.now();
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const level = Math.sqrt(sum / samples.length);
      if (level < SILENCE_LEVEL) silentSince ??= now;
      else closeSilence(now);
      const elapsedMs = now - begun;
      if (elapsedMs >= MAX_RECORDING_MS) return stop();
      if (now - lastShown > 100) {
        lastShown = now;
        setState({ phase: "recording", elapsedMs, level: Math.min(1, level * 6) });
      }
      frame = requestAnimationFrame(tick);
    };

    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      cancelAnimationFrame(frame);
      const ended = performance.now();
      closeSilence(ended);
      recognition?.stop();
      recorder.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        void audio.close();
        session.current = null;
        setState({ phase: "idle" });
        const blob = new Blob(chunks, { type: recorder.mimeType || mimeType || "audio/webm" });
        // The browser's last words arrive just after it stops listening.
        setTimeout(
          () =>
            latest.current({
              blob,
              durationMs: Math.min(MAX_RECORDING_MS, Math.max(500, Math.round(ended - begun))),
              pauses,
              browserText: recognition ? heard.join(" ").trim() : null,
            }),
          recognition ? 600 : 0,
        );
      };
      recorder.stop();
    };
    session.current = { stop };
    recorder.start(1000);
    setState({ phase: "recording", elapsedMs: 0, level: 0 });
    frame = requestAnimationFrame(tick);
  }, [useBrowserRecognition]);

  const stop = useCallback(() => session.current?.stop(), []);
  // Leaving the page (or the question) stops the microphone.
  useEffect(() => () => session.current?.stop(), []);
  return { state, start, stop, reset: () => setState({ phase: "idle" }) };
}
