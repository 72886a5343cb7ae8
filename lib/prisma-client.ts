// Builds a PrismaClient on the pg driver adapter. Server code goes through lib/db.ts (one client per
// process); command-line tools and tests build their own with a URL they choose.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(
  connectionString: string,
  options: { max?: number; queryTimeoutMs?: number; onQuery?: (sql: string) => void } = {},
): PrismaClient {
  // A slow or stalled database must fail the request, not hold it: each query waits at most this long for
  // its answer (the client gives up and drops that connection; the server cancels it too), and a request
  // waits at most this long for a free connection. Command-line tools keep the long default (migrations,
  // the bench generator).
  const timeout = options.queryTimeoutMs ?? 15 * 60_000;
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: Math.min(timeout, 5_000),
    query_timeout: timeout,
    statement_timeout: timeout,
  });
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  client.$on("query", (event) => onQuery(event.query));
  return client;
}

export type { PrismaClient };
