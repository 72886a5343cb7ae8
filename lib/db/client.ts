import "server-only";
import { env, requireDatabaseUrl } from "../env";
import { Prisma } from "../generated/prisma/client";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client (and pool) per process; kept on globalThis so dev-mode reloads do not open new pools. The
// production server runs this module twice (in its own bundle and in Next's), and the two copies share the
// client only when they load the same Prisma runtime: a query built with one runtime's `Prisma.sql` and run
// by the other's client would send its nested fragments as values (a syntax error at "$1"). Keyed by the
// runtime's `Sql` class, a layout that loads two runtimes gets two pools instead of broken queries.
const holder = globalThis as unknown as { mockroomDbs?: Map<unknown, PrismaClient> };

export function db(): PrismaClient {
  const clients = (holder.mockroomDbs ??= new Map());
  let client = clients.get(Prisma.Sql);
  if (!client) {
    client = createPrismaClient(requireDatabaseUrl(), {
      max: env().DB_POOL_MAX,
      queryTimeoutMs: env().DB_QUERY_TIMEOUT_MS,
    });
    clients.set(Prisma.Sql, client);
  }
  return client;
}
