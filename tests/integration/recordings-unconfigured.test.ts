// Spoken answers with no transcription endpoint configured (issue #25): a recording is kept with its answer and
// plays back, and nothing is transcribed or sent anywhere: there is no transcriber at all.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as practiceRecording from "@/app/api/questions/[slug]/practice/recording/route";
import { db } from "@/lib/db/client";
import { transcriber } from "@/lib/speech/transcriber";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

vi.hoisted(() => {
  delete process.env.TRANSCRIBE_BASE_URL;
  delete process.env.TRANSCRIBE_API_KEY;
});

beforeAll(async () => {
  await loadBank(db(), readContent("tests/fixtures/content"));
});

describe("spoken answers without a transcription endpoint", () => {
  it("have no transcriber, and a recording is kept without a transcript", async () => {
    expect(transcriber()).toBeNull();
    const fetch = vi.spyOn(globalThis, "fetch");
    const user = await userFactory();
    const slug = "queryset-laziness";
    const audio = new Uint8Array(2_000).fill(7);
    const request = new Request(`http://localhost/api/questions/${slug}/practice/recording?durationMs=4000`, {
      method: "PUT",
      headers: { cookie: (await sessionCookieFor(user.id)).cookie, "content-type": "audio/ogg; codecs=opus" },
      body: audio,
    });
    const response = await practiceRecording.PUT(request, { params: Promise.resolve({ slug }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      transcript: null,
      transcriptError: null,
      recording: {
        transcribedBy: null,
        bytes: 2_000,
        figures: { durationMs: 4_000, words: null, wordsPerMinute: null },
      },
    });
    expect(fetch).not.toHaveBeenCalled();
    fetch.mockRestore();
  });
});
