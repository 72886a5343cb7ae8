// Spoken answers (issue #25) through their route handlers, on a real database, with a fake OpenAI-compatible
// transcription server (tests/support/fake-openai.ts): what Mockroom sends it (model, key, the audio as it came),
// its good, failing, malformed and slow answers, the owner-only audio, the limits, and what ends a recording.
import { beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import * as interviewRecording from "@/app/api/interviews/[id]/answers/[questionId]/recording/route";
import * as practiceRecording from "@/app/api/questions/[slug]/practice/recording/route";
import * as transcriptions from "@/app/api/transcriptions/route";
import { keys, rules } from "@/lib/auth/rate-limit-rules";
import { endInterview, startInterview } from "@/lib/data/interviews";
import { recordHit } from "@/lib/data/rate-limits";
import { interviewRecordings } from "@/lib/data/recordings";
import { db } from "@/lib/db/client";
import { loadBank } from "@/seed/bank";
import { readContent } from "@/seed/content";
import { sessionCookieFor, userFactory } from "../factories";
import { exportAs, importAs } from "../support/account-documents";

// The transcription endpoint is configured before any app module reads the environment.
const fake = await vi.hoisted(async () => {
  const { startFakeOpenAI } = await import("../support/fake-openai");
  const server = await startFakeOpenAI();
  process.env.TRANSCRIBE_BASE_URL = server.baseUrl;
  process.env.TRANSCRIBE_MODEL = "whisper-test";
  process.env.TRANSCRIBE_API_KEY = "sk-test-not-for-logs";
  process.env.TRANSCRIBE_TIMEOUT_SECONDS = "4";
  return server;
});

type User = { id: string };
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Something that starts like a WebM file (EBML magic), as MediaRecorder makes it. */
const webm = (size = 4_000) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
};

async function send(
  who: User,
  handler: unknown,
  method: string,
  url: string,
  params: Record<string, string>,
  body?: BodyInit,
  type = "audio/webm;codecs=opus",
) {
  const headers: Record<string, string> = { cookie: (await sessionCookieFor(who.id)).cookie };
  if (body !== undefined) headers["content-type"] = type;
  const init: RequestInit & { duplex?: string } = { method, headers, body, duplex: "half" };
  return (handler as Handler)(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
}

let owner: User;
let stranger: User;
let interviewId: string;
let questionId: string;
let otherQuestionId: string;
const url = () => `/api/interviews/${interviewId}/answers/${questionId}/recording`;
const params = () => ({ id: interviewId, questionId });
const put = (
  who: User,
  body: BodyInit | undefined,
  query = "durationMs=6000&pauses=1000:2500,3000:3500",
  type?: string,
) => send(who, interviewRecording.PUT, "PUT", `${url()}?${query}`, params(), body, type);

beforeAll(async () => {
  await loadBank(db(), readContent("tests/fixtures/content"));
  owner = await userFactory();
  stranger = await userFactory();
  const interview = await startInterview(owner.id, { company: "acme", mode: "practice" });
  interviewId = interview.id;
  questionId = interview.questions[0]!.id;
  otherQuestionId = interview.questions[1]!.id;
}, 30_000);

afterAll(() => fake.close());

describe("a spoken interview answer", () => {
  it("is stored, transcribed by the configured endpoint, and counted for the speaking figures", async () => {
    fake.queue({ kind: "transcript", text: "Use select_related for foreign keys and prefetch_related for the rest." });
    const before = fake.requests.length;
    const audio = webm();
    const response = await put(owner, audio);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      transcript: string;
      transcriptError: null;
      recording: { url: string; bytes: number; transcribedBy: string; figures: Record<string, unknown> };
    };
    expect(body.transcript).toBe("Use select_related for foreign keys and prefetch_related for the rest.");
    expect(body.transcriptError).toBeNull();
    expect(body.recording).toMatchObject({
      bytes: 4_000,
      transcribedBy: "endpoint",
      figures: { durationMs: 6_000, words: 10, wordsPerMinute: 100, longPauses: 1, longestPauseMs: 3_500 },
    });
    expect(body.recording.url).toMatch(new RegExp(`^${url()}\\?v=\\d+$`));
    // What the endpoint got: the model, the key as a bearer token, and the audio byte for byte.
    expect(fake.requests.slice(before)).toEqual([
      expect.objectContaining({
        path: "/v1/audio/transcriptions",
        model: "whisper-test",
        authorization: "Bearer sk-test-not-for-logs",
        fileBytes: 4_000,
        fileHead: "1a45dfa3",
      }),
    ]);
  });

  it("plays back for its owner only, never stored by a shared cache; anyone else gets 404", async () => {
    const mine = await send(owner, interviewRecording.GET, "GET", url(), params());
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("audio/webm;codecs=opus");
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(webm());
    const before = fake.requests.length;
    for (const method of ["GET", "PUT", "DELETE"] as const) {
      const handler = interviewRecording[method];
      const response =
        method === "PUT" ? await put(stranger, webm()) : await send(stranger, handler, method, url(), params());
      expect(response.status, method).toBe(404);
    }
    expect(fake.requests.length, "nothing of a stranger's goes to the endpoint").toBe(before);
    const none = await send(
      owner,
      interviewRecording.GET,
      "GET",
      `/api/interviews/${interviewId}/answers/${otherQuestionId}/recording`,
      { id: interviewId, questionId: otherQuestionId },
    );
    expect(none.status).toBe(404);
  });

  it("is replaced by the next take", async () => {
    expect((await put(owner, webm(5_000))).status).toBe(200);
    const rows = await db().recording.findMany({ where: { userId: owner.id } });
    expect(rows.map((r) => r.bytes)).toEqual([5_000]);
  });

  it("uses the browser's word count when the browser transcribed it, and sends nothing to the endpoint", async () => {
    const before = fake.requests.length;
    const response = await put(owner, webm(), "durationMs=30000&browserWords=75");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      transcript: null,
      transcriptError: null,
      recording: { transcribedBy: "browser", figures: { words: 75, wordsPerMinute: 150, pace: "comfortable" } },
    });
    expect(fake.requests.length).toBe(before);
  });

  it.each([
    [
      "a server error, then a transcript (retried)",
      [{ kind: "status", status: 500 }],
      "A transcript from the fake server.",
      null,
    ],
    ["a refusal", [{ kind: "status", status: 400 }], null, "could not transcribe"],
    ["a malformed answer", [{ kind: "malformed" }], null, "could not transcribe"],
    ["no answer in time", [{ kind: "slow", ms: 6_000, text: "too late" }], null, "did not answer in time"],
  ] as const)(
    "keeps the recording when the endpoint gives %s",
    async (_, replies, transcript, error) => {
      const logged: string[] = [];
      const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
        logged.push(String(chunk));
        return true;
      });
      try {
        fake.queue(...replies);
        const response = await put(owner, webm(4_100));
        expect(response.status).toBe(200);
        const body = (await response.json()) as { transcript: string | null; transcriptError: string | null };
        expect(body.transcript).toBe(transcript);
        if (error) expect(body.transcriptError).toContain(error);
        else expect(body.transcriptError).toBeNull();
        expect((await db().recording.findFirstOrThrow({ where: { userId: owner.id } })).bytes).toBe(4_100);
      } finally {
        spy.mockRestore();
      }
      expect(logged.join("")).not.toContain("sk-test-not-for-logs");
    },
    15_000,
  );

  it.each([
    ["a body over 4 MB", () => webm(4 * 1024 * 1024 + 1), undefined, undefined, 413],
    [
      "a streamed body over 4 MB (no length said)",
      () =>
        new ReadableStream({
          start(controller) {
            for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(1024 * 1024));
            controller.close();
          },
        }),
      undefined,
      undefined,
      413,
    ],
    ["video", () => webm(), undefined, "video/webm", 415],
    ["a WAV file", () => webm(), undefined, "audio/wav", 415],
    ["an empty body", () => new Uint8Array(), undefined, undefined, 400],
    ["no length", () => webm(), "pauses=1000:2500", undefined, 400],
    ["over five minutes", () => webm(), "durationMs=300001", undefined, 400],
    ["pauses that are not pairs", () => webm(), "durationMs=5000&pauses=abc", undefined, 400],
  ] as const)("refuses %s", async (_, body, query, type, status) => {
    const before = fake.requests.length;
    const response = await put(owner, body() as BodyInit, query, type);
    expect(response.status).toBe(status);
    expect(fake.requests.length).toBe(before);
  });

  it("stops going to the endpoint past the hourly limit (the recording is still kept)", async () => {
    const user = await userFactory();
    const interview = await startInterview(user.id, { company: "acme", mode: "practice" });
    for (let i = 0; i < rules.transcribeUser.limit; i++)
      await recordHit(keys.transcribeUser(user.id), rules.transcribeUser);
    const before = fake.requests.length;
    const target = interview.questions[0]!.id;
    const response = await send(
      user,
      interviewRecording.PUT,
      "PUT",
      `/api/interviews/${interview.id}/answers/${target}/recording?durationMs=3000`,
      { id: interview.id, questionId: target },
      webm(),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { transcriptError: string }).transcriptError).toContain("many recordings");
    expect(fake.requests.length).toBe(before);
  });

  it("is part of the review once the interview ends, which then takes no new one and deletes none", async () => {
    expect((await interviewRecordings(owner.id, interviewId)).get(questionId)).toMatchObject({ bytes: 4_100 });
    expect((await interviewRecordings(stranger.id, interviewId)).size).toBe(0);
    await endInterview(owner.id, interviewId, "finish");
    expect((await put(owner, webm())).status).toBe(409);
    expect((await send(owner, interviewRecording.DELETE, "DELETE", url(), params())).status).toBe(409);
    expect((await send(owner, interviewRecording.GET, "GET", url(), params())).status).toBe(200);
  });
});

describe("a spoken practice answer", () => {
  const slug = "queryset-laziness";
  const purl = `/api/questions/${slug}/practice/recording`;
  it("creates the practice answer it belongs to, plays back, and is deleted by its owner", async () => {
    const user = await userFactory();
    const response = await send(user, practiceRecording.PUT, "PUT", `${purl}?durationMs=2000`, { slug }, webm());
    expect(response.status).toBe(200);
    expect(await db().practiceAnswer.count({ where: { userId: user.id } })).toBe(1);
    expect((await send(stranger, practiceRecording.GET, "GET", purl, { slug })).status).toBe(404);
    expect((await send(user, practiceRecording.GET, "GET", purl, { slug })).status).toBe(200);
    expect((await send(user, practiceRecording.DELETE, "DELETE", purl, { slug })).status).toBe(204);
    expect((await send(user, practiceRecording.GET, "GET", purl, { slug })).status).toBe(404);
    expect((await send(user, practiceRecording.DELETE, "DELETE", purl, { slug })).status).toBe(404);
    const missing = await send(
      user,
      practiceRecording.PUT,
      "PUT",
      `/api/questions/no-such/practice/recording?durationMs=2000`,
      { slug: "no-such" },
      webm(),
    );
    expect(missing.status).toBe(404);
  });

  it("is listed in the account's export with the link to its audio (not the audio), and an import ignores the list", async () => {
    const user = await userFactory();
    await send(user, practiceRecording.PUT, "PUT", `${purl}?durationMs=2000&pauses=100:2000`, { slug }, webm());
    const response = await exportAs(user.id);
    expect(response.status).toBe(200);
    const text = await response.text();
    const document = JSON.parse(text) as { recordings: unknown[] };
    expect(document.recordings).toEqual([
      expect.objectContaining({
        answer: { practice: slug },
        url: purl,
        mimeType: "audio/webm;codecs=opus",
        bytes: 4_000,
        durationMs: 2_000,
        pauses: [{ atMs: 100, ms: 2_000 }],
        transcript: "A transcript from the fake server.",
      }),
    ]);
    expect(text).not.toContain('audio":');
    const other = await userFactory();
    expect((await importAs(other.id, text)).status).toBe(201);
    expect(await db().recording.count({ where: { userId: other.id } })).toBe(0);
  });

  it("goes with the account", async () => {
    const user = await userFactory();
    await send(user, practiceRecording.PUT, "PUT", `${purl}?durationMs=2000`, { slug }, webm());
    expect(await db().recording.count({ where: { userId: user.id } })).toBe(1);
    await db().user.delete({ where: { id: user.id } });
    expect(await db().recording.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("a transcription of audio that is not kept (a spoken answer to an AI follow-up)", () => {
  it("gives the text, keeps nothing, and refuses what is not audio", async () => {
    const user = await userFactory();
    fake.queue({ kind: "transcript", text: "I would add an index on the foreign key." });
    const response = await send(user, transcriptions.POST, "POST", "/api/transcriptions", {}, webm());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      transcript: "I would add an index on the foreign key.",
      transcriptError: null,
    });
    expect(await db().recording.count({ where: { userId: user.id } })).toBe(0);
    expect(
      (await send(user, transcriptions.POST, "POST", "/api/transcriptions", {}, webm(), "text/plain")).status,
    ).toBe(415);
    expect(
      (await send(user, transcriptions.POST, "POST", "/api/transcriptions", {}, webm(5 * 1024 * 1024))).status,
    ).toBe(413);
  });
});
