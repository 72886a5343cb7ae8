// The container image's entry (Dockerfile): runs inside Next's standalone output with plain Node, with no
// TypeScript, no development dependencies and no build step. It migrates, seeds (under the same advisory
// lock as `npm start`, so replicas starting together take turns), then serves in this process until
// SIGTERM, which drains requests in flight. Unlike `npm start` it never starts an embedded database or
// invents a secret: a container gets DATABASE_URL and AUTH_SECRET from its environment or stops.
// `node mockroom.cjs user <command>` runs `npm run user`'s commands (admins, reset links) instead of serving.
import { runUserCommand } from "../accounts/user-command";
import { publicUrl, readEnv } from "../config";
import { migrate } from "../db/migrations/runner";
import { SEED_LOCK, withAdvisoryLock } from "../db/postgres/lock";
import { createPrismaClient } from "../db/prisma-client";
import { DEMO_EMAIL, runSeed } from "../../seed/load";
import { closeOnSignals, startHttpServer } from "./http";

const say = (line: string) => console.log(`[mockroom] ${line}`);

async function main() {
  process.chdir(__dirname); // the standalone folder: .next/, prisma/migrations/, seed/ are relative to it
  const env = readEnv();
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required (a postgresql:// URL).");
  if (process.argv[2] === "user") {
    // `node mockroom.cjs user grant-admin EMAIL` (docker exec): the `npm run user` command, on the running
    // instance's database.
    const db = createPrismaClient(env.DATABASE_URL, { max: 2 });
    const code = await runUserCommand(process.argv.slice(3), {
      appUrl: publicUrl(env),
      log: console.log,
      withDatabase: (run) => run(db),
    }).finally(() => db.$disconnect());
    process.exit(code);
  }
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is required (32+ characters, the same on every instance).");
  process.env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;
  process.env.NEXTAUTH_URL ??= env.APP_URL ?? `http://localhost:${env.PORT}`;

  const { applied } = await migrate({ databaseUrl: env.DATABASE_URL, dir: "prisma/migrations", log: say });
  say(applied.length ? `applied ${applied.length} migration(s)` : "database schema up to date");
  const db = createPrismaClient(env.DATABASE_URL, { max: 2 });
  try {
    const report = await withAdvisoryLock(env.DATABASE_URL, SEED_LOCK, () => runSeed(db, { demo: env.MOCKROOM_DEMO }));
    for (const line of report.lines) say(`seed: ${line}`);
    if (report.demoPassword) say(`Demo sign-in: ${DEMO_EMAIL} / ${report.demoPassword} (shown once)`);
  } finally {
    await db.$disconnect();
  }

  // startHttpServer serves with the build's Next config (.next/required-server-files.json): there is no
  // next.config.ts here.
  const running = await startHttpServer({
    dir: process.cwd(),
    dev: false,
    host: env.HOST,
    port: env.PORT,
    trustProxy: env.TRUST_PROXY,
    pageCacheSeconds: env.CONTENT_CACHE_SECONDS,
  });
  say(`ready on ${running.url}`);
  closeOnSignals(running, (signal) => say(`${signal}: finishing requests in flight ...`));
}

main().catch((error: Error) => {
  console.error(`[mockroom] ${error.message}`);
  process.exit(1);
});
