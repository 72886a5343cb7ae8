// The serving process. `npm start`, the end-to-end tests and the benchmark run it as a child process from a
// plain-JavaScript bundle (`.next/mockroom/server.cjs`, see lib/cli/serve.ts), so no TypeScript loader sits on
// the path of every request. The parent passes the whole environment; this process tells it "ready" over IPC
// and stops gracefully on SIGTERM, SIGINT or when the parent goes away. It reports nothing else: the benchmark
// measures it from outside (/proc, pg_stat_statements, its own clients).
import { readEnv } from "../config";
import { closeOnSignals, startHttpServer } from "./http";

async function main() {
  const env = readEnv();
  const running = await startHttpServer({
    dir: process.cwd(),
    dev: false,
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
    pageCacheSeconds: env.CONTENT_CACHE_SECONDS,
  });
  const close = closeOnSignals(running);
  process.on("disconnect", close); // the parent exited: never outlive it
  process.send?.({ type: "ready", url: running.url });
}

main().catch((error: Error) => {
  console.error(`[mockroom] server failed: ${error.message}`);
  process.exit(1);
});
