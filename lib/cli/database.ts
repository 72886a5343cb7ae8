// Resolves the database the command-line tools use: DATABASE_URL when set, else the embedded server.
import path from "node:path";
import { readEnv } from "../config";
import { migrate } from "../db/migrations/runner";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../db/postgres/embedded";
import { createPrismaClient, type PrismaClient } from "../db/prisma-client";

export const DATA_DIR = path.resolve(".data");

export async function resolveDatabase(
  log: (line: string) => void,
): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const configured = readEnv().DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  const embedded = await startEmbeddedPostgres({ stateDir: DATA_DIR, name: "postgres", log });
  await ensureDatabase(embedded.url("postgres"), "mockroom");
  const shown = embedded.dataDir.startsWith(process.cwd() + path.sep)
    ? path.relative(process.cwd(), embedded.dataDir)
    : embedded.dataDir;
  log(`Embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${shown}`);
  return { url: embedded.url("mockroom"), embedded };
}

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/**
 * For one-shot commands (seed, import): the database (embedded if need be), migrated, and a client;
 * everything is closed again afterwards, and an embedded server this command started is stopped.
 */
export async function withMigratedDatabase<T>(
  log: (line: string) => void,
  run: (db: PrismaClient) => Promise<T>,
): Promise<T> {
  const { url, embedded } = await resolveDatabase(log);
  const db = createPrismaClient(url, { max: 2 });
  try {
    await migrate({ databaseUrl: url, dir: MIGRATIONS_DIR, log });
    return await run(db);
  } finally {
    await db.$disconnect();
    if (embedded?.started) await embedded.stop();
  }
}

/** Runs a command's main(), printing only the message of an error and exiting 1. */
export function runCommand(main: () => Promise<unknown>): void {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
