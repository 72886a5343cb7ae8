/** mulberry32: a small, fast, seedable PRNG, so a stored seed reproduces an interview's questions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder method). */
export function apportion<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = (Object.keys(weights) as K[]).filter((k) => weights[k] > 0);
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  const result = Object.fromEntries((Object.keys(weights) as K[]).map((k) => [k, 0])) as Record<K, number>;
  if (!sum || total <= 0) return result;
  const exact = keys.map((k) => ({ k, value: (total * weights[k]) / sum }));
  for (const e of exact) result[e.k] = Math.floor(e.value);
  let left = total - exact.reduce((s, e) => s + Math.floor(e.value), 0);
  for (const e of [...exact].sort(
    (a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)) || a.k.localeCompare(b.k),
  )) {
    if (left-- <= 0) break;
    result[e.k]++;
  }
  return result;
}
