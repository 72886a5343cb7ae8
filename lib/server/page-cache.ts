// A micro-cache for the public pages an anonymous visitor reads most: the landing page, the question list,
// a question, and the company formats. Their HTML depends only on the URL, the reader's locale and whether a session cookie is present
// (the render reads the session cookie, Accept-Language, the CSP nonce and the path: app/layout.tsx,
// lib/auth/session.ts, lib/format/request.ts), so for visitors
// without a session the same HTML can be served again for a few seconds, with a fresh nonce each time.
//
// - Only GET requests of those paths, without a session cookie, without Next's client-navigation
//   headers (RSC payloads, prefetches, server actions) and not from a crawler, are looked up or stored.
// - Only a complete 200 text/html answer whose CSP carries a nonce, that sets no cookie and whose render
//   reported no error, is stored.
//   The body is kept split at every occurrence of that nonce; each hit joins it with a new nonce and
//   sends the CSP with the same new nonce, so no two answers share one.
// - A miss renders as usual (uncompressed, so the stored copy is the plain HTML); a hit is gzipped
//   off the event loop when the client accepts it.
// - Entries live CONTENT_CACHE_SECONDS (the content caches' TTL); the least recently used go first once
//   the stored bytes pass the limit. Each process keeps its own.
//
// It also keeps the public API answers: a 200 JSON answer to a GET of the question list and search, a
// question, topics or companies, that the route itself declares `cache-control: public`, depends on
// nothing but its URL, so any client may get the stored copy for the same few seconds (questions and searches:
// any client without a session)
// (any HTTP cache in front of the app may keep it longer: the routes allow 60 s). It is stored and sent
// as it was, compressed on the way out as pages are. No other API request is looked up or kept.
import type http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { LRUCache } from "lru-cache";
import { localeFrom } from "../format/format";
import { newNonce } from "../http/security-headers";

const gzip = promisify(zlib.gzip);

/**
 * Paths whose anonymous HTML may be cached: /, /questions and /questions/<slug>, /companies and /companies/<slug>
 * (a company's page cost 18-23 ms of server CPU a view without it).
 */
const CACHEABLE_PATH = /^\/(?:(?:questions|companies)(?:\/[a-z0-9-]{1,120})?)?$/;
/** API routes whose GET answers are public content: the question list and search, a question, topics, companies. */
const PUBLIC_API_PATH = /^\/api\/(?:questions(?:\/[a-z0-9-]{1,120})?|topics|companies(?:\/[a-z0-9-]{1,120})?)$/;
/** Request headers that make Next answer something other than the full page (or run an action). */
const NAVIGATION_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];
/**
 * Crawlers and link previewers: Next renders metadata differently for them (blocking instead of streamed),
 * so they neither get nor fill the copy browsers share. Broader than Next's own list on purpose.
 */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|preview|facebookexternalhit|facebookcatalog|whatsapp|yandex|baidu|sogou|yeti|quora|tumblr|vkshare|ia_archiver|googleweblight|mediapartners|lighthouse/i;
/** A next-auth session cookie under any of its names (secure prefix, chunks). */
const SESSION_COOKIE = /(?:^|;)\s*[^=;]*session-token[^=;]*=/;
/** Says whether an answer came from the cache ("hit") or was rendered for it ("miss"). */
export const CACHE_HEADER = "x-mockroom-page-cache";
/** Response headers that belong to one answer, not to the page. */
const PER_RESPONSE = new Set([
  "date",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "x-request-id",
  "content-encoding",
  "etag",
  CACHE_HEADER,
]);
/** A `cache-control` that lets shared caches keep the answer (and not `private`, `no-store`). */
const PUBLIC = /(?:^|,)\s*public\s*(?:,|$)/i;
const NONCE_IN_CSP = /'nonce-([A-Za-z0-9+/=]{16,})'/;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

type Headers = Record<string, string | string[] | number>;
/** `csp` is the CSP split at the page's nonce; null for a public API answer, which is sent as stored. */
type Entry = { at: number; headers: Headers; body: Buffer[]; csp: string[] | null; bytes: number };

export type PageCacheOptions = {
  /** Milliseconds an entry is served; read on every request. 0 turns the cache off. */
  ttlMs: () => number;
  /** Most bytes of HTML kept. */
  maxBytes: number;
  now?: () => number;
};

export type PageCacheStats = { hits: number; misses: number; stored: number; entries: number; bytes: number };

export class PageCache {
  // lru-cache keeps the order of use and the byte count; the TTL is checked here, on every lookup, against
  // the time the render started, so it follows the configured value and no timer is needed.
  private readonly entries: LRUCache<string, Entry>;
  private readonly now: () => number;
  readonly stats = { hits: 0, misses: 0, stored: 0 };

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
    // A page larger than the whole budget is not stored (lru-cache's maxEntrySize defaults to maxSize).
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.bytes),
    });
  }

  /** The cache key for this request, or null when its answer must not come from (or go to) the cache. */
  keyFor(req: http.IncomingMessage, secure: boolean): string | null {
    if (req.method !== "GET" || this.options.ttlMs() <= 0) return null;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query === -1 ? url : url.slice(0, query);
    const host = `${req.headers.host ?? ""} ${String(req.headers["x-forwarded-host"] ?? "")}`;
    // The public API routes; the answer is kept only if the route also says so (capture).
    // Questions and searches not for a signed-in client: what they show depends on who asks during a timed
    // interview (lib/data/withheld.ts). Topics and companies are the same for everyone.
    if (pathname.startsWith("/api/")) {
      const personal = pathname.startsWith("/api/questions") && SESSION_COOKIE.test(req.headers.cookie ?? "");
      return PUBLIC_API_PATH.test(pathname) && !personal ? `${secure ? "https" : "http"} ${host} ${url}` : null;
    }
    if (!CACHEABLE_PATH.test(pathname)) return null;
    if (query !== -1 && new URLSearchParams(url.slice(query + 1)).has("_rsc")) return null;
    if (NAVIGATION_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
    if (SESSION_COOKIE.test(req.headers.cookie ?? "")) return null;
    if (BOT.test(req.headers["user-agent"] ?? "")) return null;
    // Pages show numbers in the reader's locale (lib/format), so each locale has its own copy.
    return `${secure ? "https" : "http"} ${host} ${url} ${localeFrom(req.headers["accept-language"])}`;
  }

  /** Answers from the cache when it holds a live copy for `key`; false when the request must render. */
  serve(key: string, req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (this.now() - entry.at >= this.options.ttlMs()) {
      this.entries.delete(key);
      return false;
    }
    this.stats.hits++;
    let body = entry.body[0]!;
    const headers: Headers = { ...entry.headers, [CACHE_HEADER]: "hit" };
    if (entry.csp) {
      const nonce = newNonce();
      const nonceBytes = Buffer.from(nonce, "latin1");
      body = Buffer.concat(entry.body.flatMap((part, i) => (i ? [nonceBytes, part] : [part])));
      headers["content-security-policy"] = entry.csp.join(nonce);
    }
    const send = (payload: Buffer, encoding?: string) => {
      if (res.destroyed) return;
      res.writeHead(200, {
        ...headers,
        ...(encoding ? { "content-encoding": encoding } : {}),
        "content-length": payload.length,
      });
      res.end(payload);
    };
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      gzip(body).then(
        (zipped) => send(zipped, "gzip"),
        () => send(body),
      );
    } else {
      send(body);
    }
    return true;
  }

  /**
   * Lets the request render and keeps a copy of its answer when it qualifies. Call before Next's handler
   * (which compresses by wrapping the methods replaced here): the copy is taken before compression,
   * which is turned off for this one answer. `rendered()` says whether the render went without an error
   * (a streamed page can fail after its 200 was sent: that page is not kept).
   */
  capture(key: string, req: http.IncomingMessage, res: http.ServerResponse, rendered: () => boolean): void {
    this.stats.misses++;
    res.setHeader(CACHE_HEADER, "miss");
    delete req.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (tooLarge || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_PAGE_BYTES) tooLarge = true;
      else chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (end as (...args: unknown[]) => http.ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
    const startedAt = this.now();
    const api = (req.url ?? "").startsWith("/api/");
    res.once("finish", () => {
      if (tooLarge || res.statusCode !== 200 || !rendered()) return;
      const headers = res.getHeaders();
      if (headers["set-cookie"] !== undefined) return;
      const kept: Headers = {};
      for (const [name, value] of Object.entries(headers))
        if (value !== undefined && !PER_RESPONSE.has(name)) kept[name] = value;
      let entry: Entry;
      if (api) {
        if (
          !String(headers["content-type"] ?? "").startsWith("application/json") ||
          !PUBLIC.test(String(headers["cache-control"] ?? ""))
        )
          return;
        entry = { at: startedAt, headers: kept, body: [Buffer.concat(chunks)], csp: null, bytes: size };
      } else {
        if (!String(headers["content-type"] ?? "").startsWith("text/html")) return;
        const nonce = NONCE_IN_CSP.exec(String(headers["content-security-policy"] ?? ""))?.[1];
        if (!nonce) return;
        const html = Buffer.concat(chunks).toString("latin1");
        entry = {
          at: startedAt,
          headers: kept,
          body: html.split(nonce).map((part) => Buffer.from(part, "latin1")),
          csp: String(headers["content-security-policy"]).split(nonce),
          bytes: size,
        };
      }
      this.entries.set(key, entry); // the least recently used go while the bytes are over the limit
      this.stats.stored++;
    });
  }

  snapshot(): PageCacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  clear(): void {
    this.entries.clear();
  }
}
