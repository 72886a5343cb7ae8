// The production server, started by bench/run.ts in a process of its own (so the load generator does not
// share its event loop). Reports "ready" and, on request, the per-route query counts over IPC.
import { queryStats, startHttpServer } from "../lib/server/http";

async function main() {
  const port = Number(process.env.PORT ?? 3300);
  const running = await startHttpServer({ dir: process.cwd(), dev: false, host: "127.0.0.1", port, trustProxy: false });
  process.send?.({ type: "ready", url: running.url });
  process.on("message", (message: { type?: string }) => {
    if (message.type === "stats") process.send?.({ type: "stats", stats: Object.fromEntries(queryStats) });
    if (message.type === "reset") queryStats.clear();
  });
  process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
