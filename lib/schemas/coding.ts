// Coding problems: their tests, and the reports the Python runner (lib/coding/harness.py) produces.
import { z } from "zod";

const python = (max: number) => z.string().max(max);

/** A test: "call" is an expression whose value must equal the value of "expected", or must raise "raises". */
export const pythonTestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    setup: python(4_000).optional(),
    call: python(4_000).min(1),
    expected: python(20_000).optional(),
    raises: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an exception class name")
      .optional(),
    /** A performance test: the call must return within this many milliseconds (lib/coding/harness.py). */
    timeLimitMs: z.number().int().min(50).max(3_000).optional(),
  })
  .refine((t) => (t.expected === undefined) !== (t.raises === undefined), "needs exactly one of expected and raises")
  .refine((t) => t.timeLimitMs === undefined || t.expected !== undefined, "a performance test needs an expected value")
  .meta({ id: "PythonTest" });

/** A result set as PostgreSQL prints it: column names, and rows of text values (null for NULL). */
export const resultSetSchema = z.object({
  columns: z.array(z.string().max(200)).min(1).max(30),
  rows: z.array(z.array(z.string().max(2_000).nullable()).max(30)).max(200),
});

/**
 * A SQL problem's test (lib/coding/sql-harness.mjs): `setup` builds the test's database (the problem's tables
 * and rows, then the test's own), the query's result must equal `expected`, in order only when `ordered`.
 */
export const sqlTestSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    setup: z.string().max(20_000),
    expected: resultSetSchema,
    ordered: z.boolean().optional(),
  })
  .refine((t) => t.expected.rows.every((row) => row.length === t.expected.columns.length), {
    message: "every expected row needs one value per column",
    path: ["expected"],
  })
  .meta({ id: "SqlTest" });

/** The languages problems are written in; each has its runner in the browser. */
export const codeLanguageSchema = z.enum(["python", "sql"]);
export type CodeLanguage = z.infer<typeof codeLanguageSchema>;

const errorSchema = z.object({
  type: z.string().max(200),
  message: z.string().max(4_000),
  line: z.number().int().nullable(),
});

export const testResultSchema = z.object({
  name: z.string().max(120),
  passed: z.boolean(),
  expected: z.string().max(4_000).nullable(),
  actual: z.string().max(4_000).nullable(),
  error: errorSchema.nullable(),
});

/** What one run returns: the harness's JSON, plus the runner's own facts (time, timeout, a runtime failure). */
export type RunReport = {
  compileError: z.infer<typeof errorSchema> | null;
  results: TestResult[];
  stdout: string;
  stderr: string;
  ms: number;
  timedOut?: boolean;
  runnerError?: string;
};

/** The browser's report of a finished interview's tests (visible and hidden), as sent to the server. */
export const reportTestsSchema = z
  .object({
    compileError: errorSchema.nullable(),
    results: z.array(testResultSchema).max(200),
    stdout: z.string().max(20_000),
    stderr: z.string().max(20_000),
    timedOut: z.boolean().optional(),
    ms: z.number().int().min(0).max(600_000).optional(),
  })
  .meta({ id: "TestReportRequest" });

/** Stored on the answer, and shown in the review: the report plus which tests were hidden. */
export const storedTestResultsSchema = reportTestsSchema.extend({
  results: z.array(testResultSchema.extend({ hidden: z.boolean() })),
  passed: z.number().int(),
  total: z.number().int(),
  reportedAt: z.string(),
  selfReported: z.literal(true),
});

export type PythonTest = z.infer<typeof pythonTestSchema>;
export type SqlTest = z.infer<typeof sqlTestSchema>;
/** A test of either language: the runners read their own kind; the rest of the app only needs its name. */
export type CodeTest = PythonTest | SqlTest;

/** A problem's tests, read as its language's kind. */
export function testsOf(language: CodeLanguage, value: unknown): CodeTest[] {
  return language === "sql" ? sqlTestSchema.array().parse(value) : pythonTestSchema.array().parse(value);
}
export type TestResult = z.infer<typeof testResultSchema>;
export type ReportTestsInput = z.infer<typeof reportTestsSchema>;
export type StoredTestResults = z.infer<typeof storedTestResultsSchema>;
