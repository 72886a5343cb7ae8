// Types for sql-harness.mjs (plain JavaScript: it is served to the browser's SQL worker as it is).
import type { PGlite } from "@electric-sql/pglite";
import type { RunReport, SqlTest } from "../schemas/coding";

export type TextParsers = Record<number, (value: string) => string>;
export function textParsers(db: PGlite): Promise<TextParsers>;
export function prepare(db: PGlite, setup: string): Promise<void>;
export function singleStatement(source: string): string;
export function showTable(columns: string[], rows: (string | null)[][]): string;
export function runSqlTests(
  db: PGlite,
  parsers: TextParsers,
  source: string,
  tests: SqlTest[],
): Promise<Omit<RunReport, "ms" | "timedOut" | "runnerError">>;
