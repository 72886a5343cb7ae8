// Reads one large JSON object member by member from UTF-8 chunks, without ever building the whole document:
// the members named in `arrays` are handed over one element at a time, the others as whole (small) values.
// Every element and value has a token budget checked while it is being read, so no input can make one of
// them large in memory (JSON.parse of 16 MB of `[{},{},…]` builds 5 million objects, 325 MB of heap), and the
// work is done a chunk at a time with the event loop free in between (docs/decisions/0011).
import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";

export type ArrayLimit = { maxItems: number; maxTokens: number };
export type DocumentEvent =
  | { type: "value"; key: string; value: unknown }
  | { type: "element"; key: string; index: number; value: unknown }
  /** The member `key` has more elements than its maxItems: later ones are counted, not handed over. */
  | { type: "over"; key: string };
export type DocumentSummary = { members: Map<string, "array" | "value">; counts: Map<string, number> };

/** Input that is not JSON (400), or a part of it over its budget (`tooLarge`, 413). */
export class JsonDocumentError extends Error {
  constructor(
    message: string,
    readonly path = "_",
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** No number needs 64 characters; a longer one would also be parsed again at every slice (partial tokens). */
class BoundedTokenizer extends Tokenizer {
  where = () => "_";
  protected parseNumber(text: string): number {
    if (text.length > 64) throw new JsonDocumentError("holds a number longer than 64 characters.", this.where(), true);
    return Number(text);
  }
}

/** Longest stretch of synchronous parsing between two turns of the event loop. */
const SLICE_BYTES = 64 * 1024;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function readDocument(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  spec: { arrays: Record<string, ArrayLimit>; maxValueTokens: number; maxStringLength: number },
  onEvent: (event: DocumentEvent) => void | Promise<void>,
): Promise<DocumentSummary> {
  const members = new Map<string, "array" | "value">();
  const counts = new Map<string, number>();
  const queue: DocumentEvent[] = [];
  const arrays = new Map(Object.entries(spec.arrays));
  // Token-level state: where we are in the root object, which element is being read, its budget.
  let depth = 0;
  let rootClosed = false;
  let expectKey = false;
  let key = "";
  let limit: ArrayLimit | null = null; // set while inside a member read element by element
  let index = -1;
  let tokens = 0;

  const parser = new TokenParser({
    paths: [...arrays.keys()].map((k) => `$.${JSON.stringify(k).slice(1, -1)}.*`),
    keepStack: false,
  });
  // Partial tokens let a string be refused while it grows, before a 30 MB one is ever built.
  const tokenizer = new BoundedTokenizer({ stringBufferSize: SLICE_BYTES, emitPartialTokens: true });
  tokenizer.where = () => where();
  // Between elements (depth 2) a partial token belongs to the next one.
  const where = () => (limit ? `${key}.${depth === 2 ? index + 1 : index}` : key || "_");
  // Members that are not arrays read by element are rebuilt here, within their budget (the parser's paths
  // name only array elements, so it keeps nothing else).
  let value: { stack: unknown[]; keys: (string | null)[]; result?: unknown } | null = null;

  parser.onValue = ({ value: element, key: at, parent }) => {
    if (!Array.isArray(parent) || typeof at !== "number") return; // `key` holds an object, not an array: reported as a value
    if (at < limit!.maxItems) queue.push({ type: "element", key, index: at, value: element });
  };
  tokenizer.onToken = ({ token, value: tokenValue, partial }) => {
    if (token === TokenType.STRING && (tokenValue as string).length > spec.maxStringLength) {
      throw new JsonDocumentError(`holds a text longer than ${spec.maxStringLength} characters.`, where(), true);
    }
    if (partial) return;
    if (depth === 0) {
      if (rootClosed) throw new JsonDocumentError("The document must be one JSON object.");
      if (token !== TokenType.LEFT_BRACE) throw new JsonDocumentError("The document must be a JSON object.");
      depth = 1;
      expectKey = true;
      return parser.write({ token, value: tokenValue });
    }
    if (depth === 1 && !value && limit === null) {
      if (token === TokenType.RIGHT_BRACE) {
        depth = 0;
        rootClosed = true;
      } else if (expectKey && token === TokenType.STRING) {
        key = tokenValue as string;
        if (members.has(key)) throw new JsonDocumentError(`"${key}" appears twice in the document.`, key);
        expectKey = false;
      } else if (token === TokenType.COMMA) {
        expectKey = true;
      } else if (token !== TokenType.COLON) {
        // A member's value starts.
        const spec = arrays.get(key);
        if (spec && token === TokenType.LEFT_BRACKET) {
          members.set(key, "array");
          counts.set(key, 0);
          limit = spec;
          index = -1;
          depth = 2;
        } else {
          members.set(key, "value");
          tokens = 0;
          value = { stack: [], keys: [] };
          build(token, tokenValue);
        }
      }
      return parser.write({ token, value: tokenValue });
    }
    if (value) {
      build(token, tokenValue);
      return parser.write({ token, value: tokenValue });
    }
    // Inside an array read element by element (depth >= 2).
    if (depth === 2) {
      if (token === TokenType.COMMA) return parser.write({ token, value: tokenValue });
      if (token === TokenType.RIGHT_BRACKET) {
        depth = 1;
        limit = null;
        return parser.write({ token, value: tokenValue });
      }
      index++;
      tokens = 0;
      counts.set(key, index + 1);
      if (index === limit!.maxItems) queue.push({ type: "over", key });
    }
    if (++tokens > limit!.maxTokens)
      throw new JsonDocumentError(
        `is too large: one of "${key}" holds at most ${limit!.maxTokens} values.`,
        `${key}.${index}`,
        true,
      );
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) depth++;
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    return parser.write({ token, value: tokenValue });
  };

  /** Builds a non-array member's value from its tokens, within spec.maxValueTokens. */
  function build(token: TokenType, tokenValue: unknown) {
    const v = value!;
    if (++tokens > spec.maxValueTokens)
      throw new JsonDocumentError(`is too large: at most ${spec.maxValueTokens} values.`, key, true);
    const top = v.stack.at(-1);
    const put = (item: unknown) => {
      if (top === undefined) v.result = item;
      else if (Array.isArray(top)) top.push(item);
      // As JSON.parse does: a "__proto__" key is an own member, never the prototype (assignment would set it).
      else
        Object.defineProperty(top, v.keys.at(-1)!, {
          value: item,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    };
    const awaitingKey = top !== undefined && !Array.isArray(top) && v.keys.at(-1) === null;
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        const container = token === TokenType.LEFT_BRACE ? {} : [];
        put(container);
        v.stack.push(container);
        v.keys.push(null);
        return;
      }
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        v.stack.pop();
        v.keys.pop();
        break;
      case TokenType.COLON:
        return;
      case TokenType.COMMA:
        if (!Array.isArray(top)) v.keys[v.keys.length - 1] = null;
        return;
      default:
        if (awaitingKey) {
          v.keys[v.keys.length - 1] = tokenValue as string;
          return;
        }
        put(tokenValue);
    }
    if (v.stack.length === 0) {
      queue.push({ type: "value", key, value: v.result });
      value = null;
    }
  }

  const drain = async () => {
    while (queue.length) await onEvent(queue.shift()!);
  };
  const write = (slice: Uint8Array) => {
    try {
      tokenizer.write(slice);
    } catch (error) {
      if (error instanceof JsonDocumentError) throw error;
      throw new JsonDocumentError(`The document is not valid JSON: ${(error as Error).message}.`);
    }
  };
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.byteLength; at += SLICE_BYTES) {
      write(chunk.subarray(at, at + SLICE_BYTES));
      await drain();
      await yieldToLoop();
    }
  }
  if (!rootClosed)
    throw new JsonDocumentError(
      depth === 0 ? "The document is empty." : "The document ends before its last value does.",
    );
  tokenizer.end();
  await drain();
  return { members, counts };
}
