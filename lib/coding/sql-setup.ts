// A SQL test's `setup` as stored and served: the problem's tables and rows, then the test's own rows. The
// runner (lib/coding/sql-harness.mjs, prepare) runs it in a fresh schema; kept in one place so the loader, the
// authoring tool and the tests agree.
export function sqlSetup(schema: string, data?: string): string {
  return [schema.trim(), data?.trim() ?? ""].filter(Boolean).join("\n;\n");
}
