// A local fake of an OpenAI-compatible server for tests (issue #25): `POST /v1/audio/transcriptions` (multipart,
// as OpenAI, faster-whisper-server and whisper.cpp's server take it). It keeps every request it receives (the
// model, the file's size and type, the Authorization header) for the tests to check what Mockroom sends, and
// answers as the test scripts it: a transcript, a malformed body, an error status, or nothing for a while.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply =
  | { kind: "transcript"; text: string }
  /** 200 with a body that is not the API's shape. */
  | { kind: "malformed" }
  | { kind: "status"; status: number }
  /** Waits `ms` before answering with a transcript (a slow or hung server). */
  | { kind: "slow"; ms: number; text: string };

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
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
