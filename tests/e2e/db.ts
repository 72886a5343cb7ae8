import fs from "node:fs";
import pg from "pg";
import { E2E_DATABASE_FILE } from "./accounts";

/** Runs SQL against this lane's end-to-end server's database (to move a clock, not to fake results). */
export async function e2eQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: fs.readFileSync(E2E_DATABASE_FILE, "utf8").trim() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
