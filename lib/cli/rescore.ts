// `npm run rescore [-- --force]`: re-scores stored interview answers and practice versions with today's scorer and
// rubrics (lib/scoring/rescore.ts). Idempotent; without --force it does nothing when they are already current.
import { describeRescore, rescore } from "../scoring/rescore";
import { runCommand, withMigratedDatabase } from "./database";

runCommand(async () => {
  const force = process.argv.includes("--force");
  const report = await withMigratedDatabase(console.log, (db) => rescore(db, { force }));
  console.log(describeRescore(report));
});
