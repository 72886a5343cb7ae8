// A small in-process cache for public content (the question bank is the same for every visitor and
// changes only when it is seeded or imported). Entries expire after a TTL; the least recently used go
// first when the cache is full; concurrent misses for one key share a single computation, so a burst of
// identical requests runs the query once. A failed computation is not kept.
//
// Every instance of the app keeps its own: content a CLI import changes shows everywhere within one TTL.

export type TtlCacheOptions = {
  /** Milliseconds an entry lives; read on every lookup, so it can follow configuration. 0 disables the cache. */
  ttlMs: number | (() => number);
  /** Most entries kept. */
  max: number;
  now?: () => number;
};

type Entry<V> = { at: number; value: Promise<V> };

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
      return hit.value;
    }
    const value = compute();
    const entry = { at: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
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
