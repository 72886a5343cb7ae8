// Resolves the database the command-line tools use: DATABASE_URL when set, else the embedded server.
import path from "node:path";
import { readEnv } from "../config";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../postgres/embedded";

export const DATA_DIR = path.resolve(".data");

export async function resolveDatabase(log: (line: string) => void): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const configured = readEnv().DATABASE_URL;
  if (configured) return { url: configured, embedded: null };
  const embedded = await startEmbeddedPostgres({ stateDir: DATA_DIR, name: "postgres", log });
  await ensureDatabase(embedded.url("postgres"), "mockroom");
  const shown = embedded.dataDir.startsWith(process.cwd() + path.sep) ? path.relative(process.cwd(), embedded.dataDir) : embedded.dataDir;
  log(`Embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${shown}`);
  return { url: embedded.url("mockroom"), embedded };
}

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
