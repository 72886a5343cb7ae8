// Issue #25 with nothing configured: a recording is kept with its answer and plays back, and nothing is transcribed
// or sent anywhere (there is no transcriber at all); AI feedback does not exist (its routes are 404, the pages get
// no settings to show it with).
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as practiceRecording from "@/app/api/questions/[slug]/practice/recording/route";
import { db } from "@/lib/db/client";
import * as practiceFeedbackRoute from "@/app/api/questions/[slug]/practice/feedback/route";
import * as followUpRoute from "@/app/api/feedback/[id]/follow-up/route";
import * as transcriptions from "@/app/api/transcriptions/route";
import { aiSettings } from "@/lib/ai/model";
import { savePracticeVersion } from "@/lib/data/practice";
import { transcriber, transcriptionMode } from "@/lib/speech/transcriber";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";

vi.hoisted(() => {
  delete process.env.TRANSCRIBE_BASE_URL;
  delete process.env.TRANSCRIBE_API_KEY;
  delete process.env.AI_BASE_URL;
  delete process.env.AI_MODEL;
  delete process.env.AI_API_KEY;
});

beforeAll(async () => {
  await loadBank(db(), readContent("tests/fixtures/content"));
});

describe("spoken answers without a transcription endpoint", () => {
  it("have no transcriber, and a recording is kept without a transcript", async () => {
    expect(transcriber()).toBeNull();
    expect(transcriptionMode()).toBe("none");
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

  it("have no AI: no settings for the pages, and its routes are 404 without asking anything", async () => {
    expect(aiSettings()).toBeNull();
    const fetch = vi.spyOn(globalThis, "fetch");
    const user = await userFactory();
    const slug = "queryset-laziness";
    await savePracticeVersion(user.id, slug, "QuerySets are lazy until iterated.");
    const cookie = (await sessionCookieFor(user.id)).cookie;
    const asked = await practiceFeedbackRoute.POST(
      new Request(`http://localhost/api/questions/${slug}/practice/feedback`, { method: "POST", headers: { cookie } }),
      { params: Promise.resolve({ slug }) },
    );
    expect(asked.status).toBe(404);
    const id = "00000000-0000-4000-8000-000000000000";
    const followed = await followUpRoute.POST(
      new Request(`http://localhost/api/feedback/${id}/follow-up`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ answer: "An answer to a follow-up." }),
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(followed.status).toBe(404);
    const transcribed = await transcriptions.POST(
      new Request("http://localhost/api/transcriptions", {
        method: "POST",
        headers: { cookie: (await sessionCookieFor(user.id)).cookie, "content-type": "audio/webm" },
        body: new Uint8Array(2_000).fill(7),
      }),
      undefined as never,
    );
    expect(transcribed.status).toBe(404);
    expect(fetch).not.toHaveBeenCalled();
    fetch.mockRestore();
  });
});
