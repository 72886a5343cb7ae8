// Authoring tool for SQL problems: runs each problem's reference query on PGlite (the PostgreSQL the browser
// runs) against every test's database and writes the result into the test's `expected`. Read the diff: the
// expected rows are what the problem promises, so check them by hand against the data before committing.
//   npx tsx seed/sql-expected.ts [slug ...]      (every SQL problem when no slug is given)
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { prepare, singleStatement, textParsers } from "../lib/coding/sql-harness.mjs";
import { sqlSetup } from "../lib/coding/sql-setup";
import { readProblems } from "./content";

const dir = path.resolve(import.meta.dirname);

async function main() {
  const only = process.argv.slice(2);
  const problems = readProblems(dir).flatMap((p) =>
    p.language === "sql" && (!only.length || only.includes(p.slug)) ? [p] : [],
  );
  const db = await PGlite.create();
  const parsers = await textParsers(db);
  for (const problem of problems) {
    const file = path.join(dir, "problems", `${problem.slug}.json`);
    const raw = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    for (const list of ["visibleTests", "hiddenTests"] as const) {
      const tests = raw[list] as { name: string; data?: string; expected?: unknown }[];
      for (const test of tests) {
        await prepare(db, sqlSetup(problem.schema, test.data));
        const { fields, rows } = await db.query<unknown[]>(singleStatement(problem.solution), [], {
          rowMode: "array",
          parsers,
        });
        test.expected = { columns: fields.map((f) => f.name), rows };
        await db.exec("rollback");
      }
    }
    fs.writeFileSync(file, JSON.stringify(raw, null, 2) + "\n");
    console.log(`${problem.slug}: expected results written`);
  }
  await db.close();
}

void main();
