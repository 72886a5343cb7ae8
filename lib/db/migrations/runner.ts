// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations` exactly as
// Prisma does (same columns, sha256 checksum of the file), so `prisma migrate status/deploy` agree with us
// wherever Prisma's native engine is available. See docs/decisions/0002-own-migration-runner.md.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Any constant works; it only has to be the same for every process that migrates this database. */
const LOCK_ID = 727_073_690;

export type Migration = { name: string; file: string; sql: string; checksum: string };

export class MigrationError extends Error {}

export function readMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const bytes = fs.readFileSync(file);
      return {
        name,
        file,
        sql: bytes.toString("utf8"),
        checksum: crypto.createHash("sha256").update(bytes).digest("hex"),
      };
    });
}

const createTable = `
  create table if not exists "_prisma_migrations" (
    "id"                  varchar(36) primary key not null,
    "checksum"            varchar(64) not null,
    "finished_at"         timestamptz,
    "migration_name"      varchar(255) not null,
    "logs"                text,
    "rolled_back_at"      timestamptz,
    "started_at"          timestamptz not null default now(),
    "applied_steps_count" integer not null default 0
  )`;

type Applied = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function migrate(options: {
  databaseUrl: string;
  dir: string;
  log?: (line: string) => void;
}): Promise<{ applied: string[]; pending: number }> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(createTable);
    const { rows } = await client.query<Applied>(
      `select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations" where rolled_back_at is null`,
    );
    const byName = new Map(rows.map((row) => [row.migration_name, row]));
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} started earlier but never finished. Repair the database, then mark it with ` +
          "`prisma migrate resolve` or delete its row from _prisma_migrations.",
      );
    }
    for (const migration of migrations) {
      const done = byName.get(migration.name);
      if (done && done.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied (${path.relative(process.cwd(), migration.file)}). ` +
            "Applied migrations must not be edited: restore the file and add a new migration instead.",
        );
      }
    }
    const known = new Set(migrations.map((m) => m.name));
    for (const row of rows)
      if (!known.has(row.migration_name))
        log(`warning: the database has migration ${row.migration_name}, which is not in ${options.dir}`);

    const pending = migrations.filter((m) => !byName.has(m.name));
    const applied: string[] = [];
    for (const migration of pending) {
      const started = Date.now();
      await client.query("begin");
      try {
        await client.query(migration.sql);
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           values ($1, $2, $3, $4, now(), 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name, new Date(started)],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(migration.name);
      log(`applied migration ${migration.name} (${Date.now() - started} ms)`);
    }
    return { applied, pending: pending.length };
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
