import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invalidPath } from "@/lib/server/http";

const segment = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((s) => s !== "." && s !== "..")
  .map(encodeURIComponent);
const path = fc.array(segment, { minLength: 0, maxLength: 5 }).map((parts) => `/${parts.join("/")}`);

describe("paths the server refuses before routing", () => {
  it("accepts every path of well-encoded segments (any text, percent-encoded as browsers do)", () => {
    fc.assert(
      fc.property(path, (p) => invalidPath(p) === null),
      { seed: 1, numRuns: 2_000 },
    );
  });

  it("refuses any path with a percent-escape that is incomplete or not UTF-8, in any segment", () => {
    const broken = fc.constantFrom("%", "%f", "%ff", "%c0%af", "%E0%A4%A", "%ed%a0%80", "%f4%90%80%80", "%zz", "%C3");
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 4 }), broken, fc.nat(), fc.boolean(), (segments, bad, at, glued) => {
        const index = at % (segments.length + 1);
        // As a segment of its own, or at the end of one (a name followed by a broken escape).
        const parts =
          glued && index > 0
            ? [...segments.slice(0, index - 1), segments[index - 1] + bad, ...segments.slice(index)]
            : [...segments.slice(0, index), bad, ...segments.slice(index)];
        return invalidPath(`/${parts.join("/")}`) !== null;
      }),
      { seed: 2, numRuns: 2_000 },
    );
  });

  it("refuses a '.' or '..' segment in any spelling, and keeps dots inside names", () => {
    const dot = fc.constantFrom(".", "..", "%2e", "%2E", "%2e%2e", ".%2e", "%2E.");
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        dot,
        fc.array(segment, { maxLength: 3 }),
        (before, d, after) => invalidPath(`/${[...before, d, ...after].join("/")}`) !== null,
      ),
      { seed: 3, numRuns: 1_000 },
    );
    expect(invalidPath("/questions/django-orm.select_related")).toBeNull();
    expect(invalidPath("/python/314.0.7/pyodide.asm.wasm")).toBeNull();
    expect(invalidPath("/a/...")).toBeNull();
  });
});
