// Builds a PrismaClient on the pg driver adapter. Server code goes through lib/db/client.ts (one client per
// process); command-line tools and tests build their own with a URL they choose.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { outsideRequests } from "../server/outside-requests";

type ConnectCallback = ((err: Error) => void) | ((err: null, client: pg.Client) => void);

/**
 * A pg client that connects outside any request's async context (lib/server/outside-requests.ts says why), so
 * its socket keeps no request alive. pg also keeps the callback it connected with for the connection's
 * whole life, and the pool's callback reaches the first query's promise, made in a request: it is called
 * through a wrapper that lets go of it once called.
 */
class DetachedClient extends pg.Client {
  override connect(): Promise<pg.Client>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.Client> | void {
    if (!callback) return outsideRequests.runInAsyncScope(() => super.connect());
    let once: ConnectCallback | null = callback;
    const release = (error: Error | null) => {
      const call = once as ((err: Error | null, client?: pg.Client) => void) | null;
      once = null;
      call?.(error, this);
    };
    outsideRequests.runInAsyncScope(() => super.connect(release));
  }
}

/**
 * Put in a statement whose best plan depends on its values: it runs unnamed, so PostgreSQL plans it for the
 * values it gets each time. Text search needs it: a generic plan cannot tell a rare word from one in every
 * note, and notes search ran at half its throughput with one (docs/performance.md, round seven).
 */
export const PLAN_EACH_TIME = "/* mockroom:plan-each-time */";

/**
 * A row count written into the statement (LIMIT, OFFSET), not sent as a value. PostgreSQL's generic plan of a
 * prepared statement assumes a LIMIT it cannot see keeps a tenth of the rows, so it costs such a plan far above
 * the custom ones and plans the statement again on every execution; with the count in the text the generic plan
 * is costed for what it reads and chosen after five executions. The uncached question list at 100,000 questions:
 * 1.5-1.8 → 0.7-0.8 ms a statement (docs/performance.md, round twenty). Only for integers the app chose or
 * validated: anything else throws.
 */
export function rowCount(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return Prisma.raw(String(n));
}

/** At most this many distinct statements are prepared on each connection; any further ones run unnamed. */
const MAX_NAMED_STATEMENTS = 1_000;

/**
 * Names for prepared statements, one per distinct SQL text (per client, so the same on all its connections).
 * pg parses a named statement once per connection, and PostgreSQL plans it generically once custom plans
 * stop paying: planning was the larger part of PostgreSQL's time in starting an interview
 * (docs/performance.md, round seven). Migrations run before the server starts, so a prepared statement
 * never outlives the schema it was planned for.
 */
function statementNames(): (query: { sql: string }) => string {
  const names = new Map<string, string>();
  return ({ sql }) => {
    if (sql.includes(PLAN_EACH_TIME)) return undefined as unknown as string; // unnamed: planned for its values
    let name = names.get(sql);
    if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
      name = `mockroom_${names.size}`;
      names.set(sql, name);
    }
    return name as string; // undefined past the limit: an unnamed statement
  };
}

export function createPrismaClient(
  connectionString: string,
  options: { max?: number; queryTimeoutMs?: number; onQuery?: (sql: string) => void } = {},
): PrismaClient {
  // A slow or stalled database must fail the request, not hold it: each query waits at most this long for
  // its answer (the client gives up and drops that connection; the server cancels it too), and a request
  // waits at most this long for a free connection. Command-line tools keep the long default (migrations,
  // the bench generator).
  const timeout = options.queryTimeoutMs ?? 15 * 60_000;
  // Built and started outside any request: Prisma keeps promises made on its first use (the query
  // compiler's loading) for the life of the process, and with them the context they were made in. Starting
  // needs no connection (the pool connects on the first query); a failure here shows again on that query.
  return outsideRequests.runInAsyncScope(() => {
    const client = build(connectionString, timeout, options.max ?? 10, options.onQuery);
    client.$connect().catch(() => {});
    return client;
  });
}

function build(connectionString: string, timeout: number, max: number, onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg(
    {
      connectionString,
      max,
      connectionTimeoutMillis: Math.min(timeout, 5_000),
      query_timeout: timeout,
      statement_timeout: timeout,
      Client: DetachedClient,
    },
    { statementNameGenerator: statementNames() },
  );
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}

export type { PrismaClient };
