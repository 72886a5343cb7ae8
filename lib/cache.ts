// A small in-process cache for public content (the question bank is the same for every visitor and
// changes only when it is seeded or imported), on lru-cache: entries expire after a TTL; the least recently
// used go first when the cache is full; concurrent misses for one key share a single computation
// (lru-cache's fetch), so a burst of identical requests runs the query once. A failed computation is not kept.
//
// Every instance of the app keeps its own: content a CLI import changes shows everywhere within one TTL. Within
// one process there is one cache of each name (`sharedCache`): the server loads lib/ twice (the API router's
// bundle and Next's, lib/server/http.ts), and two copies of a cache would hold the same content twice and
// clear apart.
//
// An entry must keep the computation's value, never its promise, once it is done. A promise made while a
// request is served carries that request's async context (Node 20's AsyncLocalStorage stores it on every
// promise), so an entry that kept its promise kept the request that filled it alive for a whole TTL, and
// with it everything that request reaches (lib/server/outside-requests.ts). lru-cache swaps its in-flight promise
// for the value when it settles; tests/unit/cache.test.ts checks that nothing holds the request after.
import { LRUCache } from "lru-cache";

export type TtlCacheOptions = {
  /** Milliseconds an entry lives, read when it is stored (so it can follow configuration). 0 disables the cache. */
  ttlMs: number | (() => number);
  /** Most entries kept. */
  max: number;
  /** A clock for tests; lru-cache reads 0 as "no start time", so it must not return 0. */
  now?: () => number;
};

// Kept on globalThis: one registry and one cache of each name per process, shared by every copy of this module.
type Shared = { mockroomCacheRegistry: Set<TtlCache<unknown>>; mockroomCaches: Map<string, TtlCache<unknown>> };
const holder = globalThis as typeof globalThis & Partial<Shared>;
const shared: Shared = {
  mockroomCacheRegistry: (holder.mockroomCacheRegistry ??= new Set()),
  mockroomCaches: (holder.mockroomCaches ??= new Map()),
};

// lru-cache stores no null or undefined (undefined from a fetch means "nothing to keep"), and a null is
// a result worth keeping here (no such question): each value travels in a box.
type Box<V> = { value: V };

export class TtlCache<V> {
  private readonly lru: LRUCache<string, Box<V>, () => Promise<V>>;
  private readonly ttl: () => number;
  private readonly now: () => number;
  private sweptAt = -Infinity;

  constructor(options: TtlCacheOptions) {
    const { ttlMs } = options;
    this.ttl = typeof ttlMs === "function" ? ttlMs : () => ttlMs;
    this.now = options.now ?? (() => performance.now());
    this.lru = new LRUCache<string, Box<V>, () => Promise<V>>({
      max: options.max,
      ttl: 1, // each fetch passes the TTL configured now
      // Without this lru-cache starts a 1 ms timer on every clock read to reuse the reading.
      ttlResolution: 0,
      ...(options.now ? { perf: { now: options.now } } : {}),
      fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
    });
    shared.mockroomCacheRegistry.add(this as TtlCache<unknown>);
  }

  get size(): number {
    return this.lru.size;
  }

  /** The cached value for `key`, or `compute()`'s (stored when it succeeds). */
  async get(key: string, compute: () => Promise<V>): Promise<V> {
    const ttl = this.ttl();
    if (ttl <= 0) return compute();
    if (!this.lru.has(key)) this.sweep(ttl);
    const box = await this.lru.fetch(key, { context: compute, ttl });
    // A fetch only resolves undefined when it was aborted, which this cache never does.
    return box!.value;
  }

  /** The value kept for `key`, if any and still fresh, without computing it (for callers that batch their misses). */
  peek(key: string): { value: V } | undefined {
    if (this.ttl() <= 0) return undefined;
    return this.lru.get(key);
  }

  /** Keeps `value` for `key` for the configured TTL (nothing when the cache is disabled). */
  set(key: string, value: V): void {
    const ttl = this.ttl();
    if (ttl <= 0) return;
    if (!this.lru.has(key)) this.sweep(ttl);
    this.lru.set(key, { value }, { ttl });
  }

  clear(): void {
    this.lru.clear();
  }

  // lru-cache drops an expired entry only when it is read again or evicted, so keys read once (a crawler
  // paging through the whole list) would stay in memory, up to `max` of them, long after their TTL. A miss
  // drops every expired entry, at most once per TTL: the sweep visits every entry. (lru-cache's own
  // ttlAutopurge sets a timer per entry, and a timer set while a request is served keeps that request's
  // async context alive until it fires: the leak described above.)
  private sweep(ttl: number): void {
    const now = this.now();
    if (now - this.sweptAt < ttl) return;
    this.sweptAt = now;
    this.lru.purgeStale();
  }
}

/** Empties every content cache of this process, whichever copy of this module made it (tests, and after seeding or importing in-process). */
export function clearContentCaches(): void {
  for (const cache of shared.mockroomCacheRegistry) cache.clear();
}

/** The process's one cache named `name`, made with `options` by whichever copy of this module asks first. */
export function sharedCache<V>(name: string, options: TtlCacheOptions): TtlCache<V> {
  let cache = shared.mockroomCaches.get(name) as TtlCache<V> | undefined;
  if (!cache) {
    cache = new TtlCache<V>(options);
    shared.mockroomCaches.set(name, cache as TtlCache<unknown>);
  }
  return cache;
}
