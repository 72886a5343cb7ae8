// Serves the Python runner (Pyodide's runtime and standard library, our worker and harness.py) from the app
// itself: no CDN, so coding problems work offline and under a strict Content-Security-Policy.
// See docs/decisions/0005-python-runner.md.
import { runnerFile } from "@/lib/coding/files";
import { PYODIDE_VERSION, RUNNER_CSP } from "@/lib/coding/runtime";

type Context = { params: Promise<{ version: string; file: string }> };

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-security-policy": RUNNER_CSP,
      "x-content-type-options": "nosniff",
    },
  });

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { version, file: name } = await params;
  const file = version === PYODIDE_VERSION ? runnerFile(name) : null;
  if (!file) return notFound();
  const { entry, body, etag } = await file;
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
  // Next's server gzips the response for clients that accept it (about 13 MB down to 6.5 MB).
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
    status: 200,
    headers,
  });
}
