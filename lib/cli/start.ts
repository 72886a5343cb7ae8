// `npm start`: database (embedded unless DATABASE_URL), secrets, build when stale, migrations, seed,
// then the production server in a process of its own (lib/cli/serve.ts), started again if it dies
// (lib/cli/supervise.ts). Ctrl-C / SIGTERM stops the server first, then the embedded database. `--dev` runs the
// development server instead (lib/server/dev.ts: the same server with `next dev`), restarted on every change of
// the code it imported (`tsx watch`).
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "../config";
import { migrate } from "../db/migrations/runner";
import { SEED_LOCK, withAdvisoryLock } from "../db/postgres/lock";
import { createPrismaClient } from "../db/prisma-client";
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
  say(
    `AUTH_SECRET is not set: generated one in ${path.relative(process.cwd(), file)} (production deployments set AUTH_SECRET).`,
  );
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
      const host =
        given.HOST === "0.0.0.0" || given.HOST === "::"
          ? "127.0.0.1"
          : given.HOST.includes(":")
            ? `[${given.HOST}]`
            : given.HOST;
      server = await startDevServer(env, `http://${host}:${given.PORT}`);
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

/**
 * lib/server/dev.ts under `tsx watch` (with the server's tsconfig: `server-only` is a stand-in there, as in the
 * server bundle), resolved once it answers /api/ping. A change to an API route, or to any module the server
 * imported, restarts it; `stop` ends the watcher and the server with it.
 */
async function startDevServer(env: NodeJS.ProcessEnv, url: string): Promise<{ stop: () => Promise<unknown> }> {
  const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  const child = spawn(
    process.execPath,
    [tsx, "watch", "--clear-screen=false", "--tsconfig", "tsconfig.server.json", "lib/server/dev.ts"],
    { env, stdio: "inherit" },
  );
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  // Next compiles on first use: the first answer can take a while.
  for (const deadline = Date.now() + 120_000; ;) {
    if (done) throw new Error("the development server exited before it answered");
    const answered = await fetch(`${url}/api/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error("the development server did not answer within two minutes");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    stop: () => {
      if (!done) child.kill("SIGTERM");
      return exited;
    },
  };
}

main().catch((error: Error) => {
  console.error(`[mockroom] start failed: ${error.message}`);
  process.exit(1);
});
