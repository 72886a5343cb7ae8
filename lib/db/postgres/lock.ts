// Runs work under a PostgreSQL advisory lock held on a connection of its own, so several app instances
// starting at once on one database take turns (the lock ends with that connection, whatever happens).
import pg from "pg";

export async function withAdvisoryLock<T>(databaseUrl: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [key]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/** Keys in use (distinct from the migration runner's 727073690). */
export const SEED_LOCK = 727_073_691;
