import "server-only";
import { env, requireDatabaseUrl } from "./env";
import { createPrismaClient, type PrismaClient } from "./prisma-client";
import { countingQueries, countQuery } from "./server/request-context";

// One client (and pool) per process; kept on globalThis so dev-mode reloads do not open new pools.
const holder = globalThis as unknown as { mockroomDb?: PrismaClient };

export function db(): PrismaClient {
  holder.mockroomDb ??= createPrismaClient(requireDatabaseUrl(), { max: env().DB_POOL_MAX, queryTimeoutMs: env().DB_QUERY_TIMEOUT_MS, ...(countingQueries() ? { onQuery: countQuery } : {}) });
  return holder.mockroomDb;
}
