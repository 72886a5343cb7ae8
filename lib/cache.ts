// A small in-process cache for public content (the question bank is the same for every visitor and
// changes only when it is seeded or imported). Entries expire after a TTL; the least recently used go
// first when the cache is full; concurrent misses for one key share a single computation, so a burst of
// identical requests runs the query once. A failed computation is not kept.
//
// Every instance of the app keeps its own: content a CLI import changes shows everywhere within one TTL.
//
// An entry keeps the computation's promise only while it runs, then the value alone. A promise made while
// a request is served carries that request's async context (Node 20's AsyncLocalStorage stores it on every
// promise), so an entry that kept its promise kept the request that filled it alive for a whole TTL, and
// with it everything that request reaches (lib/outside-requests.ts).

export type TtlCacheOptions = {
  /** Milliseconds an entry lives; read on every lookup, so it can follow configuration. 0 disables the cache. */
  ttlMs: number | (() => number);
  /** Most entries kept. */
  max: number;
  now?: () => number;
};

/** Running: `pending` is the computation; done: `pending` is null and `value` is its result. */
type Entry<V> = { at: number; pending: Promise<V> | null; value?: V };

export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly ttl: () => number;
  private readonly now: () => number;

  constructor(private readonly options: TtlCacheOptions) {
    const { ttlMs } = options;
    this.ttl = typeof ttlMs === "function" ? ttlMs : () => ttlMs;
    this.now = options.now ?? Date.now;
    registry.add(this as TtlCache<unknown>);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached value for `key`, or `compute()`'s (stored when it succeeds). */
  async get(key: string, compute: () => Promise<V>): Promise<V> {
    const ttl = this.ttl();
    if (ttl <= 0) return compute();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < ttl) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.pending ?? (hit.value as V);
    }
    // Expired entries at the least recently used end go first, so keys read once (a crawler paging through
    // the whole list) do not stay in memory, up to `max` of them, long after their TTL.
    for (const [stale, old] of this.entries) {
      if (now - old.at < ttl) break;
      this.entries.delete(stale);
    }
    const pending = compute();
    const entry: Entry<V> = { at: now, pending };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value!);
    pending.then(
      (value) => {
        entry.value = value;
        entry.pending = null;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return pending;
  }

  clear(): void {
    this.entries.clear();
  }
}

const registry = new Set<TtlCache<unknown>>();

/** Empties every content cache of this process (tests, and after seeding or importing in-process). */
export function clearContentCaches(): void {
  for (const cache of registry) cache.clear();
}
