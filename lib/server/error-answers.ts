// Status and body corrections the server makes on answers written by Next or a library, so that every answer
// keeps the promises of docs/security.md: API errors in the JSON error shape, a client's mistake never a 500.
import type http from "node:http";
import { errorStatus, type ErrorCode } from "../http/errors";
import type { RequestContext } from "./request-context";

type WriteHead = (...args: unknown[]) => http.ServerResponse;
type Headers = Record<string, unknown> | unknown[] | undefined;

const MESSAGES: Record<number, string> = {
  404: "There is no API endpoint at this path. The reference is at /api/openapi.json.",
  405: "This endpoint does not take this method. The reference is at /api/openapi.json.",
  413: "The request body is too large.",
};

function codeFor(status: number): ErrorCode {
  const found = (Object.entries(errorStatus) as [ErrorCode, number][]).find(
    ([code, value]) => value === status && code !== "TIME_UP",
  );
  return found?.[0] ?? "VALIDATION";
}

/** Headers passed to writeHead, without the ones a replaced body invalidates. */
function withoutBodyHeaders(headers: Headers): Headers {
  const drop = /^(content-(type|length|encoding)|transfer-encoding)$/i;
  if (Array.isArray(headers)) {
    const kept: unknown[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2)
      if (!drop.test(String(headers[i]))) kept.push(headers[i], headers[i + 1]);
    return kept;
  }
  return headers ? Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.test(name))) : headers;
}

function contentTypeOf(res: http.ServerResponse, headers: Headers): string {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2)
      if (/^content-type$/i.test(String(headers[i]))) return String(headers[i + 1]);
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) if (/^content-type$/i.test(name)) return String(value);
  }
  return String(res.getHeader("content-type") ?? "");
}

/**
 * API answers of 400 and up that are not JSON (the router's empty 405 or 400, a library's plain-text refusal)
 * are sent as { "error": { "code", "message" } } with the same status instead.
 */
export function jsonApiErrors(res: http.ServerResponse): void {
  const writeHead = res.writeHead as WriteHead;
  const write = res.write as (...args: unknown[]) => boolean;
  const end = res.end as (...args: unknown[]) => http.ServerResponse;
  let replacement: string | null = null;
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest.find((arg) => arg && typeof arg === "object") as Headers;
    if (status < 400 || /\bjson\b/i.test(contentTypeOf(this, headers))) return writeHead.call(this, status, ...rest);
    replacement = JSON.stringify({
      error: { code: codeFor(status), message: MESSAGES[status] ?? "The request was refused." },
    });
    for (const name of ["content-length", "content-encoding", "transfer-encoding"]) this.removeHeader(name);
    this.setHeader("content-type", "application/json; charset=utf-8");
    this.setHeader("content-length", Buffer.byteLength(replacement));
    const kept = withoutBodyHeaders(headers);
    return writeHead.call(this, status, ...(kept ? [kept] : []));
  } as typeof res.writeHead;
  res.write = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    return replacement === null ? write.apply(this, args) : true;
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (replacement === null) return end.apply(this, args);
    const callback = args.find((arg) => typeof arg === "function");
    return end.call(this, replacement, callback);
  } as typeof res.end;
}

/**
 * Page answers: a path that could not be decoded is a 400 (rendered by the not-found page); a request whose
 * body Next could not read is the client's fault (instrumentation.ts); a page that failed for want of a
 * database is unavailable (503, retry later), not broken (500). (API routes answer 503 themselves: lib/http/api.ts.)
 * A page that moved for good answers 301, the status the old addresses of merged questions promise (Next has
 * only 308 for a permanent redirect; browsers treat both alike for GET).
 */
export function correctPageStatus(res: http.ServerResponse, context: RequestContext, badPath: boolean): void {
  const writeHead = res.writeHead as WriteHead;
  const noReason = (rest: unknown[]) => rest.filter((arg) => typeof arg !== "string"); // no "Internal Server Error" text
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    if (badPath && status === 404) return writeHead.call(this, 400, ...noReason(rest));
    if (status === 308 && context.movedPermanently) return writeHead.call(this, 301, ...noReason(rest));
    if (status === 500 && context.clientFault) return writeHead.call(this, context.clientFault, ...noReason(rest));
    if (status === 500 && context.databaseUnavailable) {
      this.setHeader("retry-after", "5");
      return writeHead.call(this, 503, ...noReason(rest));
    }
    return writeHead.call(this, status, ...rest);
  } as typeof res.writeHead;
}
