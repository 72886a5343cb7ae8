// The development server (`npm run dev`: lib/cli/start.ts --dev starts it): the production server's code
// (lib/server/http.ts: /api by its router, pages by Next) with `next dev`. It runs under `tsx watch`, which
// starts it again when a file it imported changes (an API route or code the routes use); pages reload
// through Next's own hot reloading without a restart.
import { readEnv } from "../config";
import { closeOnSignals, startHttpServer } from "./http";

async function main() {
  const env = readEnv();
  const running = await startHttpServer({
    dir: process.cwd(),
    dev: true,
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
  });
  closeOnSignals(running);
  console.log(`[mockroom] development server at ${running.url}`);
}

main().catch((error: Error) => {
  console.error(`[mockroom] development server failed: ${error.message}`);
  process.exit(1);
});
