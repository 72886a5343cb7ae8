// Serves the Python runner (Pyodide's runtime and standard library, our worker and harness.py) from the app
// itself: no CDN, so coding problems work offline and under a strict Content-Security-Policy.
// See docs/decisions/0005-python-runner.md.
import { runnerFile } from "@/lib/coding/files";
import { PYODIDE_VERSION } from "@/lib/coding/runtime";
import { serveRunnerFile } from "@/lib/coding/serve-file";

type Context = { params: Promise<{ version: string; file: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { version, file } = await params;
  return serveRunnerFile(request, version === PYODIDE_VERSION ? runnerFile(file) : null);
}
