// The three methods of a recording's route (issue #25), for an interview answer and a practice answer alike:
// PUT the audio (the body, streamed under the cap; the figures in the query), GET it back (owner-only, never
// stored by a shared cache), DELETE it.
import "server-only";
import {
  assertRecordable,
  deleteRecording,
  recordingAudio,
  saveRecording,
  type RecordingTarget,
} from "../data/recordings";
import { RECORDING_LIMITS, RECORDING_TYPES, recordingQuerySchema } from "../schemas/recordings";
import { assertSameOrigin, json, readBodyBytes, readQuery, requireApiUserId } from "./api";
import { AppError } from "./errors";

export async function putRecording(request: Request, target: RecordingTarget): Promise<Response> {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  const query = readQuery(request, recordingQuerySchema);
  // Someone else's answer is a 404 before anything of the body is read.
  await assertRecordable(userId, target);
  const mimeType = (request.headers.get("content-type") ?? "").trim();
  if (!RECORDING_TYPES.test(mimeType))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the recording as audio/webm, audio/ogg or audio/mp4.");
  const audio = await readBodyBytes(request, RECORDING_LIMITS.maxBytes);
  if (audio.byteLength < 64) throw new AppError("VALIDATION", "The recording is empty.");
  return json(await saveRecording(userId, target, { audio, mimeType: mimeType.toLowerCase(), query }));
}

export async function getRecording(request: Request, target: RecordingTarget): Promise<Response> {
  const userId = await requireApiUserId(request);
  const { audio, mimeType } = await recordingAudio(userId, target);
  return new Response(new Uint8Array(audio), {
    headers: {
      "content-type": mimeType,
      "content-length": String(audio.byteLength),
      "cache-control": "private, no-store",
      "content-disposition": "inline",
    },
  });
}

export async function removeRecording(request: Request, target: RecordingTarget): Promise<Response> {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  await deleteRecording(userId, target);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
