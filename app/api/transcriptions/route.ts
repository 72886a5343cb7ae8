import { apiRoute, assertSameOrigin, json, readBodyBytes, requireApiUserId } from "@/lib/http/api";
import { AppError } from "@/lib/http/errors";
import { transcribeOnly } from "@/lib/data/recordings";
import { RECORDING_LIMITS, RECORDING_TYPES } from "@/lib/schemas/recordings";

/** Audio to text, kept nowhere (a spoken answer to an AI follow-up); only with a transcription endpoint set. */
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const userId = await requireApiUserId(request);
  const type = (request.headers.get("content-type") ?? "").trim();
  if (!RECORDING_TYPES.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the recording as audio/webm, audio/ogg or audio/mp4.");
  const audio = await readBodyBytes(request, RECORDING_LIMITS.maxBytes);
  if (audio.byteLength < 64) throw new AppError("VALIDATION", "The recording is empty.");
  return json(await transcribeOnly(userId, audio));
});
