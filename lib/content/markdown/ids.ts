// Ids inside rendered markdown (footnotes: `fn-1`, `fnref-1`, `footnote-label`). The sanitizer prefixes
// every id with `user-content-` so a text cannot clobber the page's own ids, but it leaves links alone,
// so `href="#fn-1"` pointed at nothing. This plugin runs after the sanitizer and points in-page links at
// the prefixed ids (what GitHub does in the browser), adding a key of the document's text to both: a page
// shows several texts (the review: every answer and model answer), each with its own footnote 1.
import type { Element, Root } from "hast";
import type { VFile } from "vfile";

const CLOBBER_PREFIX = "user-content-";

/** FNV-1a of `text`, 8 hex digits: cheap, stable, the same in the browser and on the server. */
export function documentKey(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export function rehypeDocumentIds() {
  return (tree: Root, file: VFile) => {
    const prefix = `${CLOBBER_PREFIX}${documentKey(String(file.value))}-`;
    const own = (value: unknown) =>
      typeof value === "string" && value.startsWith(CLOBBER_PREFIX)
        ? prefix + value.slice(CLOBBER_PREFIX.length)
        : value;
    const stack: (Root | Element)[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === "element") {
        const p = node.properties;
        if (p.id !== undefined) p.id = own(p.id) as string;
        for (const key of ["ariaDescribedBy", "ariaLabelledBy"] as const)
          if (Array.isArray(p[key])) p[key] = p[key].map(own) as string[];
        if (typeof p.href === "string" && p.href.length > 1 && p.href.startsWith("#"))
          p.href = `#${prefix}${p.href.slice(1)}`;
      }
      for (const child of node.children) if (child.type === "element") stack.push(child);
    }
  };
}
