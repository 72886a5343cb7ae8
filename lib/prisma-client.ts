// Builds a PrismaClient on the pg driver adapter. Server code goes through lib/db.ts (one client per
// process); command-line tools and tests build their own with a URL they choose.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(connectionString: string, options: { max?: number; onQuery?: (sql: string) => void } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    // A query that runs this long is a bug or an outage; fail it instead of holding the request.
    statement_timeout: 15_000,
  });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  client.$on("query", (event) => onQuery(event.query));
  return client;
}

export type { PrismaClient };
