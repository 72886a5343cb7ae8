import { readEnv } from "../config";
import { runSeed } from "../../seed/load";
import { runCommand, withMigratedDatabase } from "./database";

runCommand(async () => {
  const env = readEnv();
  const report = await withMigratedDatabase(console.log, (db) =>
    runSeed(db, { demo: env.NODE_ENV !== "production" || env.MOCKROOM_DEMO }),
  );
  for (const line of report.lines) console.log(line);
  if (report.demoPassword) console.log(`Demo password (shown once): ${report.demoPassword}`);
});
