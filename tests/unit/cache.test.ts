import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { clearContentCaches, sharedCache, TtlCache } from "@/lib/cache";

// lru-cache reads a start time of 0 as "no TTL", and performance.now() is never 0: the fake clock starts after it.
function clock(start = 1) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("TtlCache", () => {
  it("computes once per key while an entry is fresh, and again once it expires", async () => {
    const time = clock();
    const cache = new TtlCache<number>({ ttlMs: 1_000, max: 10, now: time.now });
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("a", compute)).toBe(1);
    time.advance(1_000); // fresh for the whole TTL
    expect(await cache.get("a", compute)).toBe(1);
    time.advance(1);
    expect(await cache.get("a", compute)).toBe(2);
    expect(await cache.get("b", compute)).toBe(3);
  });

  it("peeks without computing and keeps what is set, for the TTL, and not at all when off", async () => {
    const time = clock();
    let ttl = 1_000;
    const cache = new TtlCache<string | null>({ ttlMs: () => ttl, max: 10, now: time.now });
    expect(cache.peek("a")).toBeUndefined();
    cache.set("a", null); // a null is a value worth keeping
    expect(cache.peek("a")).toEqual({ value: null });
    expect(await cache.get("a", async () => "computed")).toBeNull();
    time.advance(1_001);
    expect(cache.peek("a")).toBeUndefined();
    ttl = 0;
    cache.set("b", "kept?");
    expect(cache.peek("b")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("shares one computation between concurrent misses", async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000, max: 10 });
    let calls = 0;
    let release!: (value: string) => void;
    const compute = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const all = Promise.all([cache.get("k", compute), cache.get("k", compute), cache.get("k", compute)]);
    release("done");
    expect(await all).toEqual(["done", "done", "done"]);
    expect(calls).toBe(1);
  });

  it("does not keep a failure: the next call computes again", async () => {
    const cache = new TtlCache<string>({ ttlMs: 1_000, max: 10 });
    await expect(cache.get("k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    await Promise.resolve(); // the rejection handler runs
    expect(await cache.get("k", async () => "ok")).toBe("ok");
  });

  it("evicts the least recently used entry when full", async () => {
    const cache = new TtlCache<string>({ ttlMs: 60_000, max: 2 });
    await cache.get("a", async () => "a1");
    await cache.get("b", async () => "b1");
    await cache.get("a", async () => "a2"); // a is now the most recently used
    await cache.get("c", async () => "c1"); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get("a", async () => "a3")).toBe("a1");
    expect(await cache.get("b", async () => "b2")).toBe("b2");
  });

  it("drops expired entries when it stores a new one, at most once per TTL", async () => {
    const time = clock();
    const timed = new TtlCache<string>({ ttlMs: 1_000, max: 100, now: time.now });
    for (const key of ["a", "b", "c"]) await timed.get(key, async () => key);
    time.advance(500);
    await timed.get("d", async () => "d");
    expect(timed.size).toBe(4);
    time.advance(501); // a, b and c expire; d does not
    await timed.get("e", async () => "e");
    expect(timed.size).toBe(2);
    time.advance(600); // d expires, but the last sweep was less than a TTL ago
    await timed.get("f", async () => "f");
    expect(timed.size).toBe(3);
    time.advance(400);
    await timed.get("g", async () => "g");
    expect(timed.size).toBe(3); // d went; e, f and g are fresh
  });

  it("is off when the TTL is 0, and follows a TTL read from configuration", async () => {
    let ttl = 0;
    const cache = new TtlCache<number>({ ttlMs: () => ttl, max: 10 });
    let calls = 0;
    const compute = async () => ++calls;
    await cache.get("k", compute);
    await cache.get("k", compute);
    expect(calls).toBe(2);
    expect(cache.size).toBe(0);
    ttl = 10_000;
    await cache.get("k", compute);
    await cache.get("k", compute);
    expect(calls).toBe(3);
  });

  it("clearContentCaches empties every cache", async () => {
    const one = new TtlCache<string>({ ttlMs: 60_000, max: 10 });
    const two = new TtlCache<string>({ ttlMs: 60_000, max: 10 });
    await one.get("a", async () => "a");
    await two.get("b", async () => "b");
    clearContentCaches();
    expect(one.size + two.size).toBe(0);
  });

  it("keeps the value, not the promise of the request that computed it (nor that request's context)", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const cache = new TtlCache<string>({ ttlMs: 60_000, max: 10 });
    const request = new AsyncLocalStorage<{ render: number[] }>();
    let context!: WeakRef<{ render: number[] }>;
    await (async () => {
      const store = { render: Array.from({ length: 1_000 }, (_, n) => n) };
      context = new WeakRef(store);
      // As a page render does: the miss is computed inside the request's async context.
      const value = await request.run(store, () =>
        cache.get("k", async () => {
          await Promise.resolve();
          return "content";
        }),
      );
      expect(value).toBe("content");
    })();
    for (let n = 0; n < 3 && context.deref(); n++) {
      await new Promise((resolve) => setImmediate(resolve)); // WeakRefs hold until the job ends
      gc();
    }
    expect(context.deref()).toBeUndefined();
    expect(await cache.get("k", async () => "computed again")).toBe("content");
  });
});

describe("sharedCache", () => {
  it("gives every copy of the module the same cache of a name, and a clear from any copy empties it", async () => {
    vi.resetModules();
    const copy = (await import("@/lib/cache")) as typeof import("@/lib/cache");
    expect(copy.sharedCache).not.toBe(sharedCache); // a second module instance, as the router's bundle is beside Next's
    const here = sharedCache<string>("test-shared", { ttlMs: 60_000, max: 10 });
    const there = copy.sharedCache<string>("test-shared", { ttlMs: 60_000, max: 10 });
    expect(there).toBe(here);
    expect(await here.get("k", async () => "from here")).toBe("from here");
    expect(await there.get("k", async () => "from there")).toBe("from here");
    copy.clearContentCaches();
    expect(await here.get("k", async () => "computed again")).toBe("computed again");
  });
});
