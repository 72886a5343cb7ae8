// Nesting caps. A 10 KB line of `> ` is 5,000 nested quotes: micromark and mdast-util-from-markdown take
// time quadratic in the depth to parse it, and every later step (remark-rehype, the sanitizer, Shiki,
// the stringifier) recurses once per level and overflows the stack. Documents nested deeper than
// MAX_DEPTH are legitimate but rare, so they are flattened rather than refused: what lies deeper is shown
// at the deepest level kept.
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from "mdast";

/** Deepest nesting of containers (quotes, lists, emphasis, links) that renders as such. */
export const MAX_DEPTH = 32;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isBlank = (c: number) => c === 32 || c === 9;

/**
 * Length of the container opener at `at` (after up to 3 spaces: `>`, a list marker `-`, `+`, `*`, `1.`,
 * `1)` or a footnote definition's `[^label]:`, with the blanks that follow), or 0 when there is none.
 */
function markerLength(line: string, at: number): number {
  let i = at;
  while (i < line.length && i - at < 3 && line.charCodeAt(i) === 32) i++;
  const c = line.charCodeAt(i);
  if (c === 62 /* > */) return i + 1 + (isBlank(line.charCodeAt(i + 1)) ? 1 : 0) - at;
  let end = i;
  if (c === 45 || c === 43 || c === 42 /* - + * */) end = i + 1;
  else if (c === 91 /* [ */ && line.charCodeAt(i + 1) === 94 /* ^ */) {
    const close = line.indexOf("]:", i + 2);
    if (close === -1 || close - i > 1000 || line.slice(i + 2, close).includes("]")) return 0;
    end = close + 2;
  } else {
    while (end < line.length && end - i < 9 && isDigit(line.charCodeAt(end))) end++;
    if (end === i || (line.charCodeAt(end) !== 46 && line.charCodeAt(end) !== 41) /* . ) */) return 0;
    end++;
  }
  if (end < line.length && !isBlank(line.charCodeAt(end))) return 0;
  while (end < line.length && isBlank(line.charCodeAt(end))) end++;
  return end - at;
}

/**
 * Drops the container markers past the MAX_DEPTH-th at the start of each line, before parsing (what the
 * parser would take quadratic time over). Lines with fewer markers are left exactly as they are.
 */
export function capLineNesting(text: string, max = MAX_DEPTH): string {
  let out: string[] | null = null;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    let at = 0;
    let count = 0;
    let keep = 0;
    for (let length = markerLength(line, 0); length > 0; length = markerLength(line, at)) {
      at += length;
      if (++count === max) keep = at;
    }
    if (count > max) {
      out ??= [text.slice(0, start)];
      out.push(line.slice(0, keep) + line.slice(at), end < text.length ? "\n" : "");
    } else if (out) out.push(line, end < text.length ? "\n" : "");
    start = end + 1;
  }
  return out ? out.join("") : text;
}

const FLOW_CONTAINERS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);
const PHRASING_PARENTS = new Set([
  "paragraph",
  "heading",
  "tableCell",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
]);
const PHRASING_CONTAINERS = new Set(["emphasis", "strong", "delete", "link", "linkReference"]);

/** Pushes `nodes` so that popping gives them in order (a loop: a spread of 100,000 arguments overflows the stack). */
function pushReversed<T>(stack: T[], nodes: readonly T[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
}

/** `node`'s phrasing children with every emphasis, strong, strikethrough and link replaced by its content. */
function flattenPhrasing(node: Parent): void {
  const out: PhrasingContent[] = [];
  const stack: PhrasingContent[] = [];
  pushReversed(stack, node.children as PhrasingContent[]);
  while (stack.length) {
    const child = stack.pop()!;
    if (PHRASING_CONTAINERS.has(child.type)) pushReversed(stack, (child as Parent).children as PhrasingContent[]);
    else out.push(child);
  }
  node.children = out;
}

/** Flattens everything below `node`: nested quotes and lists become a sequence of their blocks. */
function flatten(node: Parent): void {
  if (node.type === "list") {
    for (const item of node.children) flatten(item as Parent);
    return;
  }
  if (node.type === "table") {
    for (const row of node.children) for (const cell of (row as Parent).children) flattenPhrasing(cell as Parent);
    return;
  }
  if (PHRASING_PARENTS.has(node.type)) return flattenPhrasing(node);
  if (!FLOW_CONTAINERS.has(node.type)) return;
  const out: RootContent[] = [];
  const stack: RootContent[] = [];
  pushReversed(stack, node.children as RootContent[]);
  while (stack.length) {
    const child = stack.pop()!;
    if (child.type === "blockquote" || child.type === "listItem" || child.type === "footnoteDefinition")
      pushReversed<RootContent>(stack, child.children);
    else if (child.type === "list")
      for (let i = child.children.length - 1; i >= 0; i--)
        pushReversed<RootContent>(stack, child.children[i]!.children);
    else {
      if ("children" in child) flatten(child);
      out.push(child);
    }
  }
  node.children = out;
}

/** Remark plugin: subtrees deeper than MAX_DEPTH are flattened (iteratively: depth costs no stack). */
export function remarkCapDepth(max = MAX_DEPTH) {
  return (tree: Root) => {
    const stack: [Nodes, number][] = [[tree, 0]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      if (!("children" in node)) continue;
      if (depth >= max) flatten(node);
      else for (const child of node.children) stack.push([child, depth + 1]);
    }
  };
}
