import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonDocumentError, readDocument, type DocumentEvent } from "@/lib/http/json-stream";

const encoder = new TextEncoder();
/** The text in chunks of `size` bytes, split anywhere (inside strings, numbers, multi-byte characters). */
const chunks = (text: string, size: number) => {
  const bytes = encoder.encode(text);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
};

const SPEC = {
  arrays: { rows: { maxItems: 1_000, maxTokens: 10_000 }, more: { maxItems: 3, maxTokens: 10_000 } },
  maxValueTokens: 1_000,
  maxStringLength: 10_000,
};

async function read(text: string, spec = SPEC, size = 7) {
  const events: DocumentEvent[] = [];
  const summary = await readDocument(chunks(text, size), spec, (event) => void events.push(event));
  return { events, summary };
}

async function failure(text: string, spec = SPEC): Promise<JsonDocumentError> {
  try {
    await read(text, spec);
  } catch (error) {
    if (error instanceof JsonDocumentError) return error;
    throw error;
  }
  throw new Error("expected the document to be refused");
}

describe("readDocument", () => {
  it("hands over the same rows and values as JSON.parse, for any document and any chunk size", async () => {
    const member = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom("rows", "other", "x y", "émoji 🎉", "__proto__"), member),
        fc.integer({ min: 1, max: 64 }),
        async (doc, size) => {
          const text = JSON.stringify(doc);
          const parsed = JSON.parse(text) as Record<string, unknown>;
          const { events, summary } = await read(text, SPEC, size);
          for (const [key, value] of Object.entries(parsed)) {
            if (key === "rows" && Array.isArray(value)) {
              expect(
                events
                  .filter((e) => e.type === "element" && e.key === "rows")
                  .map((e) => (e as { value: unknown }).value),
              ).toEqual(value);
              expect(summary.counts.get("rows")).toBe(value.length);
            } else {
              expect(events).toContainEqual({ type: "value", key, value });
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a "__proto__" key as a member, as JSON.parse does, never as the prototype', async () => {
    const text = '{"rows":{"__proto__":[1]},"other":{"a":{"__proto__":{"x":1}}}}';
    const { events } = await read(text, SPEC, 3);
    expect(events).toContainEqual({ type: "value", key: "rows", value: JSON.parse('{"__proto__":[1]}') });
    const other = events.find((e) => e.type === "value" && e.key === "other") as { value: { a: object } };
    expect(Object.getPrototypeOf(other.value.a)).toBe(Object.prototype);
    expect(Object.keys(other.value.a)).toEqual(["__proto__"]);
  });

  it("counts the rows over a member's limit without handing them over, and says so once", async () => {
    const { events, summary } = await read(JSON.stringify({ more: [1, 2, 3, 4, 5] }));
    expect(events.filter((e) => e.type === "element").map((e) => (e as { value: unknown }).value)).toEqual([1, 2, 3]);
    expect(events.filter((e) => e.type === "over")).toEqual([{ type: "over", key: "more" }]);
    expect(summary.counts.get("more")).toBe(5);
  });

  it("refuses a row, a value, a text or a number over its budget while it is still arriving (413)", async () => {
    const deep = await failure(`{"rows":[${"[".repeat(20_000)}`);
    expect(deep).toMatchObject({ tooLarge: true, path: "rows.0" });
    const wide = await failure(JSON.stringify({ rows: [Array.from({ length: 20_000 }, () => ({}))] }));
    expect(wide).toMatchObject({ tooLarge: true, path: "rows.0" });
    expect(await failure(JSON.stringify({ profile: Array.from({ length: 2_000 }, () => 1) }))).toMatchObject({
      tooLarge: true,
      path: "profile",
    });
    // A 50 MB string is refused after its first 10,000 characters arrived: never built whole.
    expect(await failure(`{"rows":["${"x".repeat(20_000)}`)).toMatchObject({ tooLarge: true, path: "rows.0" });
    expect(await failure(`{"rows":[1${"0".repeat(100)}]}`)).toMatchObject({ tooLarge: true, path: "rows.0" });
  });

  it("refuses what is not one JSON object, and a member given twice (400)", async () => {
    for (const text of [
      "",
      "   ",
      "[1]",
      '"x"',
      '{"rows":[1,]}',
      '{"rows":[1]',
      '{"rows":[1]}{"rows":[2]}',
      '{"a":1} x',
      "{'a':1}",
      '{"a":\u00a01}',
    ]) {
      const error = await failure(text);
      expect(error.tooLarge, text).toBe(false);
    }
    expect(await failure('{"rows":[1],"rows":[2]}')).toMatchObject({ tooLarge: false, path: "rows" });
  });

  it("refuses bytes that are not UTF-8", async () => {
    const bytes = new Uint8Array([...encoder.encode('{"a":"'), 0xff, 0xfe, ...encoder.encode('"}')]);
    await expect(readDocument([bytes], SPEC, () => undefined)).rejects.toBeInstanceOf(JsonDocumentError);
  });
});
