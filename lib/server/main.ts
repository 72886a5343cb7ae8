// The serving process. `npm start` and the benchmark run it as a child process from a plain-JavaScript
// bundle (`.next/mockroom/server.cjs`, see lib/cli/serve.ts), so no TypeScript loader sits on the path of
// every request. The parent passes the whole environment; this process tells it "ready" over IPC, answers
// the benchmark's questions (query counts, memory, event loop delay) and stops gracefully on SIGTERM, SIGINT or when the
// parent goes away.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { readEnv } from "../config";
import { pageCacheStats, queryStats, startHttpServer } from "./http";

type Message = { type?: string };

async function main() {
  const env = readEnv();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const running = await startHttpServer({ dir: process.cwd(), dev: false, host: env.HOST, port: env.PORT, trustProxy: env.TRUST_PROXY, pageCacheSeconds: env.CONTENT_CACHE_SECONDS });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    void running.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  process.on("disconnect", close); // the parent exited: never outlive it
  process.on("message", (message: Message) => {
    if (message.type === "stats") process.send?.({ type: "stats", stats: Object.fromEntries(queryStats) });
    if (message.type === "pages") process.send?.({ type: "pages", stats: pageCacheStats() });
    if (message.type === "reset") queryStats.clear();
    if (message.type === "memory") process.send?.({ type: "memory", stats: process.memoryUsage() });
    // The longest the event loop was blocked since the last "loop" question (benchmarks of heavy requests).
    if (message.type === "loop") {
      process.send?.({ type: "loop", maxMs: loopDelay.max / 1e6 });
      loopDelay.reset();
    }
  });
  process.send?.({ type: "ready", url: running.url });
}

main().catch((error: Error) => {
  console.error(`[mockroom] server failed: ${error.message}`);
  process.exit(1);
});
