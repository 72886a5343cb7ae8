// The PostgreSQL server tests use: TEST_DATABASE_URL, else DATABASE_URL, else an embedded server with
// its own data folder (.data/postgres-test), so tests never touch the development database.
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { readEnv } from "../../lib/config";
import { migrate } from "../../lib/db/migrations/runner";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/postgres/embedded";

export type TestServer = { adminUrl: string; urlFor: (database: string) => string; embedded: EmbeddedServer | null };

export async function resolveTestServer(log: (line: string) => void = () => undefined): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_URL ?? readEnv().DATABASE_URL;
  if (given) {
    const urlFor = (database: string) => {
      const url = new URL(given);
      url.pathname = `/${database}`;
      return url.toString();
    };
    return { adminUrl: urlFor("postgres"), urlFor, embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ stateDir: path.resolve(".data"), name: "postgres-test", log });
  return { adminUrl: embedded.url("postgres"), urlFor: embedded.url, embedded };
}

async function admin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(4).toString("hex")}`;

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`create database "${name}"${template ? ` template "${template}"` : ""}`));
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** A fresh database with every migration applied, to clone per test file. */
export async function createMigratedTemplate(server: TestServer): Promise<string> {
  const name = uniqueName("mockroom_tpl");
  await createDatabase(server.adminUrl, name);
  await migrate({ databaseUrl: server.urlFor(name), dir: path.resolve("prisma/migrations") });
  return name;
}

/** Drops databases that earlier, interrupted runs left behind (older than an hour). */
export async function dropStaleTestDatabases(adminUrl: string): Promise<void> {
  await admin(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname ~ '^mockroom_(tpl|test|e2e)_'`,
    );
    const hourAgo = Date.now() - 3_600_000;
    for (const { datname } of rows) {
      const stamp = parseInt(datname.split("_")[2] ?? "", 36);
      if (Number.isFinite(stamp) && stamp < hourAgo)
        await client.query(`drop database if exists "${datname}" with (force)`);
    }
  });
}
