// The Python code blocks of the bank's markdown, found by the parser the renderer uses (remark with GFM), so a
// fence inside a list item or a quote counts exactly as it does on the page. A block opts out of the parse check
// with the info string "python fragment" (seed/README.md): the renderer reads the first word as the language
// and ignores the rest, so a fragment is still highlighted as Python.
import type { Nodes } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

export type CodeBlock = {
  /** Where it is: "<slug> prompt #2" (the text's second fenced block). */
  where: string;
  /** The fence's info string: its language and anything after it. */
  info: string;
  code: string;
  python: boolean;
  fragment: boolean;
};

const parser = unified().use(remarkParse).use(remarkGfm);

function codeNodes(node: Nodes): { lang: string; meta: string; value: string }[] {
  if (node.type === "code") return [{ lang: node.lang ?? "", meta: node.meta ?? "", value: node.value }];
  return "children" in node ? node.children.flatMap((child) => codeNodes(child)) : [];
}

/** Every fenced block of `markdown`, in order; `python` for the languages python and py. */
export function codeBlocks(markdown: string, where: string): CodeBlock[] {
  if (!/```|~~~/.test(markdown)) return []; // most texts: parsing the bank takes seconds on a busy machine
  return codeNodes(parser.parse(markdown)).map((node, i) => ({
    where: `${where} #${i + 1}`,
    info: `${node.lang} ${node.meta}`.trim(),
    code: node.value,
    python: /^(python|py)$/i.test(node.lang),
    fragment: node.meta.split(/\s+/).includes("fragment"),
  }));
}

/**
 * Python source for the runner: `syntax_error(code)` returns None when `code` parses as Python 3.13 (the oldest
 * version the content targets; Pyodide's newer parser is held to it) or "line N: message" when it does not.
 */
export const SYNTAX_CHECK = `
import ast

def syntax_error(code):
    try:
        ast.parse(code, feature_version=(3, 13))
    except SyntaxError as exc:
        return "line %s: %s" % (exc.lineno, exc.msg)
    return None
`;

/** A Python string literal holding `text`: JSON's escapes mean the same in Python. */
export const pythonString = (text: string) => JSON.stringify(text);
