// `npm run content -- export DIR [--from DIR]`: writes the database's content in the seed/ layout (seed/export.ts),
// against the content in --from (CONTENT_DIR, "seed" by default) for the files' order and the coding problems'
// code and tests. Exporting into seed/ itself and running `git diff` shows what admins changed in the app.
import path from "node:path";
import { contentDir, currentContent, exportContent, writeContent } from "../../seed/load";
import { runCommand, withMigratedDatabase } from "./database";

function usage(): never {
  console.error("Usage: npm run content -- export <dir> [--from <content dir>]");
  process.exit(2);
}

async function main() {
  const [command, dir, ...rest] = process.argv.slice(2);
  if (command !== "export" || !dir || dir.startsWith("--")) usage();
  const fromAt = rest.indexOf("--from");
  if (fromAt >= 0 && !rest[fromAt + 1]) usage();
  const from = fromAt >= 0 ? path.resolve(rest[fromAt + 1]!) : contentDir();
  const current = currentContent(from);
  const result = await withMigratedDatabase(console.log, (db) => exportContent(db, current));
  const written = writeContent(path.resolve(dir), result.files);
  console.log(`Wrote ${written.length} files to ${dir}.`);
  for (const slug of result.skippedProblems)
    console.warn(
      `  left out coding problem ${slug}: no problems/${slug}.json in ${from} to take its code and tests from`,
    );
}

runCommand(main);
