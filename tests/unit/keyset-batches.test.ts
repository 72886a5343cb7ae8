import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BATCH_BYTES, plan, type Sized } from "@/lib/db/keyset-batches";

// The export fetches answers and versions by these windows: every child exactly once, in order, each query
// within its bytes and rows, each parent opened once and closed once.
describe("plan", () => {
  it("covers every child once, in order, in groups within the byte and row limits", () => {
    const parent = fc
      .uniqueArray(fc.nat({ max: 1_000 }), { maxLength: 30 })
      .map((ns) => ns.map((n) => ({ n, bytes: 0 })));
    fc.assert(
      fc.property(
        fc.array(parent, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 200 * 1024 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 25 }),
        (children, sizes, maxRows) => {
          const parents = children.map((_, i) => `p${i}`);
          const sized: Sized[] = children.flatMap((list, i) =>
            list.map((c, j) => ({ parent: `p${i}`, n: c.n, bytes: sizes[(i + j) % sizes.length]! })),
          );
          const groups = plan(parents, [...sized].reverse(), maxRows);
          const covered = new Map<string, number[]>();
          const opened: string[] = [];
          const closed: string[] = [];
          for (const group of groups) {
            let bytes = 0;
            let rows = 0;
            for (const w of group) {
              if (w.first) opened.push(w.parent);
              if (w.last) closed.push(w.parent);
              const inWindow = sized.filter((s) => s.parent === w.parent && s.n >= w.from && s.n <= w.to);
              covered.set(w.parent, [
                ...(covered.get(w.parent) ?? []),
                ...inWindow.map((s) => s.n).sort((a, b) => a - b),
              ]);
              bytes += inWindow.reduce((sum, s) => sum + s.bytes, 0);
              rows += inWindow.length;
            }
            expect(rows).toBeLessThanOrEqual(maxRows);
            expect(bytes <= BATCH_BYTES || rows === 1).toBe(true);
          }
          expect(opened).toEqual(parents);
          expect(closed).toEqual(parents);
          for (const [i, list] of children.entries())
            expect(covered.get(`p${i}`) ?? []).toEqual(list.map((c) => c.n).sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
