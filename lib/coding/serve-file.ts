import "server-only";
// The response for one of a code runner's files (app/python/…, app/sql/…): cached for good when it is a
// versioned library file, revalidated by ETag when it is ours, always under the worker's own policy.
import type { RunnerFile } from "./files";
import { RUNNER_CSP } from "./runtime";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-security-policy": RUNNER_CSP,
      "x-content-type-options": "nosniff",
    },
  });

export async function serveRunnerFile(request: Request, found: Promise<RunnerFile> | null): Promise<Response> {
  // A name that fits a pattern of the allowlist but is not there (another version's chunk) is not found.
  const file = found ? await found.catch(() => null) : null;
  if (!file) return notFound();
  const { entry, body, etag } = file;
  const headers = new Headers({
    "content-type": entry.type,
    "cache-control": entry.immutable ? "public, max-age=31536000, immutable" : "no-cache",
    etag,
    "content-security-policy": RUNNER_CSP,
    "cross-origin-resource-policy": "same-origin",
    "x-content-type-options": "nosniff",
    // The worker's progress bar counts decompressed bytes against this.
    "x-uncompressed-length": String(body.byteLength),
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  // Next's server gzips the response for clients that accept it.
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
    status: 200,
    headers,
  });
}
