// `npm start`: database (embedded unless DATABASE_URL), secrets, build when stale, migrations, seed,
// then the production server in a process of its own (lib/cli/serve.ts), started again if it dies
// (lib/cli/supervise.ts). Ctrl-C / SIGTERM stops the server first, then the embedded database. `--dev` serves `next dev` in this process instead.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "../config";
import { migrate } from "../migrations/runner";
import { SEED_LOCK, withAdvisoryLock } from "../postgres/lock";
import { createPrismaClient } from "../prisma-client";
import { DEMO_EMAIL, runSeed } from "../../seed/load";
import { buildIfStale } from "./build";
import { DATA_DIR, MIGRATIONS_DIR, resolveDatabase } from "./database";
import { spawnServer } from "./serve";
import { supervise } from "./supervise";

const say = (line: string) => console.log(`[mockroom] ${line}`);

function authSecret(): string {
  const given = process.env.AUTH_SECRET;
  if (given) return given;
  const file = path.join(DATA_DIR, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  say(`AUTH_SECRET is not set: generated one in ${path.relative(process.cwd(), file)} (production deployments set AUTH_SECRET).`);
  return secret;
}

async function main() {
  const started = Date.now();
  const dev = process.argv.includes("--dev");
  const given = readEnv(); // validates the environment as the user gave it, before we add to it
  const demo = given.NODE_ENV !== "production" || given.MOCKROOM_DEMO;

  const secret = authSecret();
  const { url, embedded } = await resolveDatabase(say);
  let server: { stop: () => Promise<unknown> } | undefined;
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping ...`);
    await server?.stop();
    if (embedded) await embedded.stop();
    say("stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  try {
    const { applied } = await migrate({ databaseUrl: url, dir: MIGRATIONS_DIR, log: say });
    say(applied.length ? `applied ${applied.length} migration(s)` : "database schema up to date");

    const db = createPrismaClient(url, { max: 2 });
    try {
      // Instances starting together on a fresh database take turns; the later ones find nothing to do.
      const report = await withAdvisoryLock(url, SEED_LOCK, () => runSeed(db, { demo }));
      for (const line of report.lines) say(`seed: ${line}`);
      if (report.demoPassword) say(`Demo sign-in: ${DEMO_EMAIL} / ${report.demoPassword} (shown once)`);
    } finally {
      await db.$disconnect();
    }

    if (!dev) {
      const build = buildIfStale(say);
      say(build.built ? `built in ${(build.ms / 1000).toFixed(1)} s` : "build is current");
    }

    const appUrl = given.APP_URL ?? `http://localhost:${given.PORT}`;
    const env = {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: appUrl,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    } as NodeJS.ProcessEnv;
    if (dev) {
      Object.assign(process.env, env);
      const { startHttpServer } = await import("../server/http");
      const running = await startHttpServer({ dir: process.cwd(), dev, host: given.HOST, port: given.PORT, trustProxy: given.TRUST_PROXY });
      server = { stop: running.close };
    } else {
      // The server ending by itself (a crash, an out-of-memory kill) is started again, with backoff.
      server = await supervise(() => spawnServer(env), say);
    }
    say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${appUrl}`);
  } catch (error) {
    console.error(`[mockroom] start failed: ${(error as Error).message}`);
    stopping = true;
    if (embedded) await embedded.stop();
    process.exit(1);
  }
}

main().catch((error: Error) => {
  console.error(`[mockroom] start failed: ${error.message}`);
  process.exit(1);
});
