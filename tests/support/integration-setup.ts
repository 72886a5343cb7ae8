// Runs before each integration test file: its own database, cloned from the migrated template, set as
// DATABASE_URL before any app module is imported; dropped when the file is done.
import { afterAll, beforeEach, inject } from "vitest";
import { clearContentCaches } from "@/lib/cache";
import { createDatabase, dropDatabase, uniqueName } from "./postgres";

const database = uniqueName("mockroom_test");
await createDatabase(inject("adminUrl"), database, inject("templateDatabase"));
process.env.DATABASE_URL = inject("databaseUrlPattern").replace("__DATABASE__", database);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";

// Tests change the bank between requests: each starts without cached content.
beforeEach(() => clearContentCaches());

afterAll(async () => {
  const holder = globalThis as unknown as { mockroomDbs?: Map<unknown, { $disconnect(): Promise<void> }> };
  await Promise.all([...(holder.mockroomDbs?.values() ?? [])].map((client) => client.$disconnect()));
  await dropDatabase(inject("adminUrl"), database);
});
