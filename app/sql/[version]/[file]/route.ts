// Serves the SQL runner (PGlite: PostgreSQL compiled to WebAssembly, and our worker and harness) from the app
// itself, like the Python runner: SQL problems work offline and under the same Content-Security-Policy.
// See docs/decisions/0023-sql-runner.md.
import { sqlRunnerFile } from "@/lib/coding/files";
import { PGLITE_VERSION } from "@/lib/coding/runtime";
import { serveRunnerFile } from "@/lib/coding/serve-file";

type Context = { params: Promise<{ version: string; file: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { version, file } = await params;
  return serveRunnerFile(request, version === PGLITE_VERSION ? sqlRunnerFile(file) : null);
}
