// Every Python code block in the bank's prompts and model answers parses (ast.parse in the Pyodide runner the
// coding problems use, one run for all blocks), unless its fence says "python fragment"; and that marker is kept
// for blocks that really are fragments.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeRunner } from "@/lib/coding/runner";
import { readContent } from "@/seed/content";
import { nodePythonRunner } from "../support/python";
import { type CodeBlock, codeBlocks, pythonString, SYNTAX_CHECK } from "../support/python-blocks";

const content = readContent();
const allBlocks = [...content.questions, ...content.problems].flatMap((q) => [
  ...codeBlocks(q.prompt, `${q.slug} prompt`),
  ...codeBlocks(q.modelAnswer, `${q.slug} model answer`),
]);
const blocks = allBlocks.filter((b) => b.python);

let runner: CodeRunner;
beforeAll(async () => {
  runner = nodePythonRunner();
  await runner.run("", []);
}, 60_000);
afterAll(() => runner.dispose());

/** For each block, null when it parses, else "line N: message". */
async function syntaxErrors(of: CodeBlock[]): Promise<(string | null)[]> {
  const report = await runner.run(
    SYNTAX_CHECK,
    of.map((block, i) => ({ name: `block ${i}`, call: `syntax_error(${pythonString(block.code)})`, expected: "None" })),
  );
  expect(report.compileError).toBeNull();
  expect(report.results).toHaveLength(of.length);
  // `actual` is the repr of the message: unquote it.
  return report.results.map((r) =>
    r.passed ? null : (r.actual ?? `${r.error?.message}`).replace(/^(['"])(.*)\1$/s, "$2"),
  );
}

describe("Python code blocks in the bank", () => {
  it("finds the bank's Python blocks, in list items too", () => {
    expect(blocks.length).toBeGreaterThan(150);
    expect(codeBlocks("1. Step:\n\n   ```py\n   x = 1\n   ```", "list item")).toMatchObject([
      { python: true, code: "x = 1" },
    ]);
  });

  it("reads the fragment marker from the fence's info string only", () => {
    const marked = codeBlocks("```python fragment\nreturn x\n```\n\n```python\n# fragment\nx = 1\n```", "two");
    expect(marked.map((b) => [b.python, b.fragment])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it("parse as Python 3.13, except blocks marked as fragments", async () => {
    const checked = blocks.filter((b) => !b.fragment);
    const errors = await syntaxErrors(checked);
    expect(checked.flatMap((b, i) => (errors[i] ? [`${b.where}: ${errors[i]}`] : []))).toEqual([]);
  });

  it("mark a block as a fragment only when it does not parse", async () => {
    const fragments = blocks.filter((b) => b.fragment);
    const errors = await syntaxErrors(fragments);
    expect(fragments.filter((_b, i) => errors[i] === null).map((b) => b.where)).toEqual([]);
  });

  it("use the fragment marker on Python blocks only", () => {
    const misplaced = allBlocks.filter((b) => /\bfragment\b/.test(b.info) && !b.python).map((b) => b.where);
    expect(misplaced).toEqual([]);
  });

  it("is a check that fails on broken code and passes valid code", async () => {
    const samples = [
      ...codeBlocks('```python\nDATABASES = {"replica": {..., "TEST": {}}}\n```', "mixed set and dict"),
      ...codeBlocks("```py\ndef f(:\n    pass\n```", "bad signature"),
      ...codeBlocks("```python\nDATABASES = {\n    'default': {...},  # primary\n}\n```", "ellipsis"),
      ...codeBlocks("```python\ntry:\n    pass\nexcept A, B:\n    pass\n```", "3.14-only syntax"),
    ];
    const errors = await syntaxErrors(samples);
    expect(errors.map((e) => (e === null ? "parses" : "fails"))).toEqual(["fails", "fails", "parses", "fails"]);
    expect(errors[0]).toMatch(/^line 1: /);
  });
});
