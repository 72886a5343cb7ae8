import { migrate } from "../db/migrations/runner";
import { MIGRATIONS_DIR, resolveDatabase } from "./database";

async function main() {
  const { url, embedded } = await resolveDatabase(console.log);
  try {
    const { applied } = await migrate({ databaseUrl: url, dir: MIGRATIONS_DIR, log: console.log });
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
  } finally {
    if (embedded?.started) await embedded.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
