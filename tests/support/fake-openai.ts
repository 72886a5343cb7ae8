// A local fake of an OpenAI-compatible server for tests (issue #25): `POST /v1/audio/transcriptions` (multipart,
// as OpenAI, faster-whisper-server and whisper.cpp's server take it) and `POST /v1/chat/completions` (structured
// output). It keeps every request it receives (the model, the file's size and type, the messages, the
// Authorization header) for the tests to check what Mockroom sends, and answers as the test scripts it: a
// transcript or a model's answer, a malformed body, an error status, or nothing for a while.
//
// Its chat model is a caricature of a rubric-following interviewer: a key point is covered when the answer uses
// one of the point's longer words (quoting the sentence), and it obeys "give full marks" when it reads it outside
// the answer's markers, or anywhere at all in `gullible` mode (a model that follows injected text).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply =
  | { kind: "transcript"; text: string }
  /** 200 with a body that is not the API's shape. */
  | { kind: "malformed" }
  | { kind: "status"; status: number }
  /** Waits `ms` before answering with a transcript (a slow or hung server). */
  | { kind: "slow"; ms: number; text: string };

export type FakeChatRequest = {
  path: "/v1/chat/completions";
  model: string;
  authorization: string | null;
  system: string;
  user: string;
  responseFormat: string | null;
};

export type FakeRequest = {
  path: string;
  model: string | null;
  authorization: string | null;
  fileBytes: number;
  fileType: string | null;
  fileHead: string;
  fields: Record<string, string>;
};

export type FakeOpenAI = {
  /** The base URL to configure (TRANSCRIBE_BASE_URL): http://127.0.0.1:PORT/v1. */
  baseUrl: string;
  requests: FakeRequest[];
  chats: FakeChatRequest[];
  /** "gullible": the chat model obeys "give full marks" wherever it reads it. */
  chatMode: "honest" | "gullible";
  /** Replies for the next requests, in order; when none is queued, `fallback` answers. */
  queue(...replies: FakeReply[]): void;
  fallback: FakeReply;
  close(): Promise<void>;
};

export async function startFakeOpenAI(
  options: { port?: number; fallback?: FakeReply; onRequest?: (request: FakeRequest) => void } = {},
): Promise<FakeOpenAI> {
  const queued: FakeReply[] = [];
  const fake: FakeOpenAI = {
    baseUrl: "",
    requests: [],
    chats: [],
    chatMode: "honest",
    queue: (...replies) => void queued.push(...replies),
    fallback: options.fallback ?? { kind: "transcript", text: "A transcript from the fake server." },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const seen: FakeRequest = {
          path: req.url ?? "",
          model: null,
          authorization: req.headers.authorization ?? null,
          fileBytes: 0,
          fileType: null,
          fileHead: "",
          fields: {},
        };
        if (req.url === "/v1/chat/completions" && req.method === "POST") return chat(body, req, res);
        // For tests in another process (the end-to-end suite): queue the next replies.
        if (req.url === "/__fake/queue" && req.method === "POST") {
          fake.queue(...(JSON.parse(body.toString("utf8")) as FakeReply[]));
          res.writeHead(204);
          res.end();
          return;
        }
        if (req.url !== "/v1/audio/transcriptions" || req.method !== "POST") {
          res.writeHead(404, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: "not found" } }));
          return;
        }
        try {
          const form = await new Request("http://fake/", {
            method: "POST",
            headers: { "content-type": req.headers["content-type"] ?? "" },
            body,
          }).formData();
          for (const [name, value] of form.entries()) {
            if (typeof value === "string") seen.fields[name] = value;
            else {
              const bytes = Buffer.from(await value.arrayBuffer());
              seen.fileBytes = bytes.byteLength;
              seen.fileType = value.type || null;
              seen.fileHead = bytes.subarray(0, 4).toString("hex");
            }
          }
          seen.model = seen.fields.model ?? null;
        } catch {
          // Recorded as it came: the test sees a request without a file.
        }
        fake.requests.push(seen);
        options.onRequest?.(seen);
        const reply = queued.shift() ?? fake.fallback;
        if (reply.kind === "slow") await new Promise((resolve) => setTimeout(resolve, reply.ms));
        if (res.destroyed) return;
        if (reply.kind === "status") {
          res.writeHead(reply.status, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: `fake error ${reply.status}`, type: "server_error" } }));
        } else if (reply.kind === "malformed") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ transcript: 42 }));
        } else {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ text: reply.text, language: "english", duration: 3.2, segments: [] }));
        }
      })();
    });
  });
  async function chat(body: Buffer, req: http.IncomingMessage, res: http.ServerResponse) {
    const request = JSON.parse(body.toString("utf8")) as {
      model: string;
      messages: { role: string; content: string | { type: string; text?: string }[] }[];
      response_format?: { type: string };
    };
    const text = (role: string) =>
      request.messages
        .filter((m) => m.role === role)
        .map((m) => (typeof m.content === "string" ? m.content : m.content.map((p) => p.text ?? "").join("")))
        .join("\n");
    const seen: FakeChatRequest = {
      path: "/v1/chat/completions",
      model: request.model,
      authorization: req.headers.authorization ?? null,
      system: text("system"),
      user: text("user"),
      responseFormat: request.response_format?.type ?? null,
    };
    fake.chats.push(seen);
    const reply = queued.shift();
    if (reply?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, reply.ms));
    if (res.destroyed) return;
    if (reply?.kind === "status") {
      res.writeHead(reply.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `fake error ${reply.status}`, type: "server_error" } }));
      return;
    }
    const content =
      reply?.kind === "malformed" ? "Sure! Here is my feedback: great answer." : JSON.stringify(interviewer(seen.user));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      }),
    );
  }

  /** Tailoring: the topics whose names the job description uses; an unknown slug when it uses none. */
  function tailor(prompt: string) {
    const block = /<<<JOB (\S+)>>>\n([\s\S]*?)\n<<<END JOB \1>>>/.exec(prompt);
    const job = (block?.[2] ?? "").toLowerCase();
    const outside = block ? prompt.replace(block[0], "") : prompt;
    const topics = [...prompt.matchAll(/^- ([a-z0-9-]+): (.+)$/gm)].map((m) => ({ slug: m[1]!, name: m[2]! }));
    if (/choose every topic/i.test(fake.chatMode === "gullible" ? prompt : outside))
      return { topics: topics.slice(0, 8).map((t) => ({ slug: t.slug, why: "As instructed." })) };
    const chosen = topics.flatMap((t) => {
      const word = (t.name.toLowerCase().match(/[a-z]{4,}/g) ?? []).find((w) => w !== "topic" && job.includes(w));
      return word ? [{ slug: t.slug, why: `The job description mentions "${word}".` }] : [];
    });
    return { topics: chosen.length ? chosen.slice(0, 8) : [{ slug: "no-such-topic", why: "Nothing matched." }] };
  }

  function interviewer(prompt: string) {
    if (prompt.startsWith("Topics of the bank")) return tailor(prompt);
    const block = /<<<ANSWER (\S+)>>>\n([\s\S]*?)\n<<<END ANSWER \1>>>/.exec(prompt);
    const answer = block?.[2] ?? "";
    const outside = block ? prompt.replace(block[0], "") : prompt;
    const obey = /give full marks/i.test(fake.chatMode === "gullible" ? prompt : outside);
    const listed = /Key points an interviewer listens for:\n([\s\S]*?)\n\n/.exec(prompt)?.[1] ?? "";
    const points = [...listed.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => m[2]!);
    const sentences = answer.split(/(?<=[.!?])\s+/);
    const keyPoints = points.map((point, i) => {
      const words = point.toLowerCase().match(/[a-z_]{5,}/g) ?? [];
      const sentence = sentences.find((s) => words.some((w) => s.toLowerCase().includes(w)));
      if (obey)
        return { point: i + 1, verdict: "covered", evidence: "full marks as instructed", comment: "Full marks." };
      return sentence
        ? { point: i + 1, verdict: "covered", evidence: sentence.trim(), comment: "Said clearly." }
        : { point: i + 1, verdict: "missing", evidence: "", comment: `Not mentioned: ${point}.` };
    });
    const first = sentences[0]?.trim() ?? "";
    return {
      keyPoints,
      missingOrWrong: keyPoints.filter((p) => p.verdict === "missing").map((p) => points[p.point - 1]!),
      improved: first
        ? { original: first, better: `${first.replace(/[.!?]$/, "")}, and here is why it matters.` }
        : null,
      followUp: points.length
        ? `How would you explain "${points[0]}" to a junior developer?`
        : "What would you do differently next time?",
    };
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
