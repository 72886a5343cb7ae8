// The anonymous page cache, in front of a stand-in for Next on a real loopback HTTP server: what is kept,
// what never is, and that every answer carries its own nonce in both the CSP and the HTML.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PageCache } from "@/lib/server/page-cache";

type Render = {
  status?: number;
  type?: string;
  cookie?: boolean;
  fail?: boolean;
  noNonce?: boolean;
  cacheControl?: string;
};

let now = 0;
let ttlMs = 30_000;
let maxBytes = 1024 * 1024;
let cache: PageCache;
let renders = 0;
let nextRender: Render = {};
let server: http.Server;
let base: string;

// Answers like an API route: fixed security headers (no nonce), JSON, the route's own cache-control.
function answer(req: http.IncomingMessage, res: http.ServerResponse, options: Render) {
  renders++;
  res.statusCode = options.status ?? 200;
  res.setHeader("content-type", options.type ?? "application/json");
  res.setHeader("cache-control", options.cacheControl ?? "public, max-age=60");
  res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-encoding-seen", String(req.headers["accept-encoding"] ?? "none"));
  if (options.cookie) res.setHeader("set-cookie", "flash=1; Path=/");
  res.end(JSON.stringify({ url: req.url, render: renders, note: "café" }));
}

// Renders like Next: a CSP with this answer's nonce, HTML with the nonce on its scripts, in several writes.
function render(req: http.IncomingMessage, res: http.ServerResponse, options: Render) {
  renders++;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  res.statusCode = options.status ?? 200;
  res.setHeader("content-type", options.type ?? "text/html; charset=utf-8");
  res.setHeader(
    "content-security-policy",
    options.noNonce ? "default-src 'self'" : `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
  );
  res.setHeader("vary", "rsc, Accept-Encoding");
  res.setHeader("x-frame-options", "DENY");
  if (options.cookie) res.setHeader("set-cookie", "flash=1; Path=/");
  res.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">self.a=1</script></head>`);
  res.write(Buffer.from(`<body><p>Page ${req.url} · render ${renders} · café</p>`));
  res.end(`<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></body></html>`);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.setHeader("x-request-id", String(req.headers["x-request-id"] ?? "none"));
    const key = cache.keyFor(req, req.headers["x-test-https"] === "1");
    if (key && cache.serve(key, req, res)) return;
    const failed = { value: false };
    if (key) cache.capture(key, req, res, () => !failed.value);
    failed.value = nextRender.fail ?? false;
    if (req.url?.startsWith("/api/")) answer(req, res, nextRender);
    else render(req, res, nextRender);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  now = 0;
  ttlMs = 30_000;
  maxBytes = 1024 * 1024;
  renders = 0;
  nextRender = {};
  cache = new PageCache({ ttlMs: () => ttlMs, maxBytes: maxBytes, now: () => now });
});

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, init);
  const html = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  const nonces = [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  return { response, html, csp, nonce: /'nonce-([^']+)'/.exec(csp)?.[1], nonces };
}

function raw(path: string, headers: http.OutgoingHttpHeaders) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("PageCache", () => {
  it("keeps one copy per reader locale: a page's numbers and dates are in the reader's locale (lib/format)", async () => {
    const german = await get("/", { headers: { "accept-language": "de-DE,de;q=0.9" } });
    const english = await get("/", { headers: { "accept-language": "en-US,en;q=0.9" } });
    const germanAgain = await get("/", { headers: { "accept-language": "de-DE" } });
    expect(renders).toBe(2);
    expect(german.html).toContain("render 1");
    expect(english.html).toContain("render 2");
    expect(germanAgain.html).toContain("render 1");
  });

  it("renders once, then serves the same page with a new nonce in the CSP and the HTML each time", async () => {
    const first = await get("/questions/select-related");
    const second = await get("/questions/select-related", { headers: { "x-request-id": "second-request" } });
    const third = await get("/questions/select-related");
    expect(renders).toBe(1);
    expect(cache.snapshot()).toMatchObject({ hits: 2, misses: 1, stored: 1, entries: 1 });
    for (const answer of [first, second, third]) {
      expect(answer.response.status).toBe(200);
      expect(answer.nonces).toEqual([answer.nonce, answer.nonce]);
      expect(answer.html).toContain(`self.__next_f.push([1,"${answer.nonce}"])`);
      expect(answer.html).toContain("render 1 · café");
      expect(answer.response.headers.get("x-frame-options")).toBe("DENY");
    }
    expect(new Set([first.nonce, second.nonce, third.nonce]).size).toBe(3);
    expect(second.html).not.toContain(first.nonce);
    expect(second.html.replaceAll(second.nonce!, "N")).toBe(first.html.replaceAll(first.nonce!, "N"));
    expect(second.response.headers.get("x-request-id")).toBe("second-request");
    expect([first, second, third].map((a) => a.response.headers.get("x-mockroom-page-cache"))).toEqual([
      "miss",
      "hit",
      "hit",
    ]);
  });

  it("gzips a cached page for a client that accepts it, and stores the page uncompressed", async () => {
    await raw("/questions", { "accept-encoding": "gzip" });
    const plain = await raw("/questions", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    expect(plain.body.toString()).toContain("<p>Page /questions · render 1");
    const zipped = await raw("/questions", { "accept-encoding": "br, gzip;q=0.9" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zlib.gunzipSync(zipped.body).toString()).toContain("<p>Page /questions · render 1");
    expect(renders).toBe(1);
  });

  it("keys by the full URL, scheme and host", async () => {
    await get("/questions?topic=orm");
    await get("/questions?topic=views");
    await get("/questions?topic=orm", { headers: { "x-test-https": "1" } });
    await get("/questions?topic=orm", { headers: { "x-forwarded-host": "elsewhere.example" } });
    expect(renders).toBe(4);
    expect((await get("/questions?topic=views")).html).toContain("/questions?topic=views · render 2");
    expect(renders).toBe(4);
  });

  it("never serves or keeps a page for a signed-in visitor", async () => {
    await get("/");
    for (const cookie of [
      "next-auth.session-token=abc",
      "theme=dark; __Secure-next-auth.session-token=abc",
      "next-auth.session-token.0=abc",
    ]) {
      const signedIn = await get("/", { headers: { cookie } });
      expect(signedIn.html).not.toContain("render 1");
    }
    expect(renders).toBe(4);
    expect(cache.snapshot()).toMatchObject({ stored: 1, hits: 0 });
    // Other cookies do not matter.
    expect((await get("/", { headers: { cookie: "theme=dark; next-auth.csrf-token=x" } })).html).toContain("render 1");
  });

  it("passes client navigations, actions, other methods and other paths straight through", async () => {
    const bypass: [string, RequestInit][] = [
      ["/questions", { headers: { rsc: "1" } }],
      ["/questions", { headers: { "next-router-prefetch": "1" } }],
      ["/questions", { headers: { "next-router-state-tree": "%5B%5D" } }],
      ["/questions?_rsc=abc", {}],
      ["/questions", { method: "POST", headers: { "next-action": "x" }, body: "[]" }],
      ["/dashboard", {}],
      ["/notes", {}],
      ["/interviews/1", {}],
      ["/questions/a/b", {}],
      ["/questions/UPPER", {}],
      ["/companies/a/b", {}],
      ["/companies/UPPER", {}],
      [
        "/questions",
        { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } },
      ],
      ["/questions", { headers: { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" } }],
      [
        "/questions",
        {
          headers: {
            "user-agent":
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Chrome-Lighthouse",
          },
        },
      ],
    ];
    for (let round = 0; round < 2; round++) for (const [path, init] of bypass) await get(path, init);
    expect(renders).toBe(bypass.length * 2);
    expect(cache.snapshot()).toMatchObject({ stored: 0, entries: 0 });
    // An ordinary browser is served from the cache.
    const browser = {
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0" },
    };
    await get("/questions", browser);
    expect((await get("/questions", browser)).response.headers.get("x-mockroom-page-cache")).toBe("hit");
    // The company formats are public content too.
    for (const path of ["/companies", "/companies/jpmorgan"]) {
      await get(path, browser);
      expect((await get(path, browser)).response.headers.get("x-mockroom-page-cache"), path).toBe("hit");
    }
  });

  it("keeps no answer that is not a complete, error-free 200 HTML page with a nonce and no cookie", async () => {
    const refused: Render[] = [
      { status: 404 },
      { status: 500 },
      { type: "application/json" },
      { cookie: true },
      { fail: true },
      { noNonce: true },
    ];
    for (const render of refused) {
      nextRender = render;
      await get("/questions/x");
      await get("/questions/x");
    }
    expect(renders).toBe(refused.length * 2);
    expect(cache.snapshot().entries).toBe(0);
  });

  it("expires entries after the TTL and does nothing when the TTL is 0", async () => {
    await get("/");
    now = 29_999;
    await get("/");
    expect(renders).toBe(1);
    now = 30_000;
    expect((await get("/")).html).toContain("render 2");
    ttlMs = 0;
    await get("/");
    await get("/");
    expect(renders).toBe(4);
  });

  it("drops the least recently used pages once the stored bytes pass the limit", async () => {
    const size = Buffer.byteLength((await get("/questions/a")).html) + 10;
    cache = new PageCache({ ttlMs: () => ttlMs, maxBytes: size * 2, now: () => now });
    renders = 0;
    await get("/questions/a");
    await get("/questions/b");
    await get("/questions/a"); // a is now the most recently used
    await get("/questions/c"); // b goes
    expect(renders).toBe(3);
    await get("/questions/a");
    await get("/questions/c");
    expect(renders).toBe(3);
    await get("/questions/b");
    expect(renders).toBe(4);
    expect(cache.snapshot().bytes).toBeLessThanOrEqual(size * 2);
  });

  it("keeps a public API answer and serves it as stored, to any client without a session", async () => {
    const first = await raw("/api/questions?q=orm", {});
    const again = await raw("/api/questions?q=orm", { cookie: "theme=dark", "x-request-id": "again" });
    const zipped = await raw("/api/questions?q=orm", { "accept-encoding": "gzip" });
    expect(renders).toBe(1);
    expect(JSON.parse(first.body.toString())).toEqual({ url: "/api/questions?q=orm", render: 1, note: "café" });
    expect(again.body.equals(first.body)).toBe(true);
    expect(zlib.gunzipSync(zipped.body).equals(first.body)).toBe(true);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    for (const [n, hit] of [first, again, zipped].entries()) {
      expect(hit.headers["x-mockroom-page-cache"]).toBe(n ? "hit" : "miss");
      expect(hit.headers["content-type"]).toBe("application/json");
      expect(hit.headers["cache-control"]).toBe("public, max-age=60");
      expect(hit.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(hit.headers["x-frame-options"]).toBe("DENY");
    }
    expect(again.headers["x-request-id"]).toBe("again");
    // A signed-in client's answer may depend on who asks (lib/data/withheld.ts): rendered for it, not kept.
    const signedIn = await raw("/api/questions?q=orm", { cookie: "next-auth.session-token=abc" });
    expect(signedIn.headers["x-mockroom-page-cache"]).toBeUndefined();
    expect(renders).toBe(2);
    await raw("/api/questions?q=views", {});
    await raw("/api/topics", {});
    // Topics are the same for everyone: a signed-in client gets the stored copy.
    expect((await raw("/api/topics", { cookie: "next-auth.session-token=abc" })).headers["x-mockroom-page-cache"]).toBe(
      "hit",
    );
    await raw("/api/companies/acme", {});
    await raw("/api/questions/select-related", {});
    expect(renders).toBe(6);
    expect(cache.snapshot()).toMatchObject({ entries: 5, hits: 3 });
  });

  it("keeps no API answer its route does not declare public, and looks up no other API path", async () => {
    const refused: Render[] = [
      { cacheControl: "no-store" },
      { cacheControl: "private, max-age=60" },
      { status: 404 },
      { status: 400 },
      { cookie: true },
      { type: "text/plain" },
    ];
    for (const render of refused) {
      nextRender = render;
      await raw("/api/questions", {});
      await raw("/api/questions", {});
    }
    expect(renders).toBe(refused.length * 2);
    expect(cache.snapshot().entries).toBe(0);
    // Other API paths are not even looked up: no cache header, and the client's encoding reaches the route.
    nextRender = {};
    for (const path of ["/api/interviews/1", "/api/notes?q=orm", "/api/questions/select-related/note", "/api/ping"]) {
      const direct = await raw(path, { "accept-encoding": "gzip" });
      expect(direct.headers["x-mockroom-page-cache"]).toBeUndefined();
      expect(direct.headers["x-encoding-seen"]).toBe("gzip");
    }
    expect(cache.snapshot()).toMatchObject({ entries: 0, misses: refused.length * 2 });
  });
});
