import { readEnv } from "../config";
import { createPrismaClient } from "../prisma-client";
import { runSeed } from "../../seed/load";
import { resolveDatabase } from "./database";

async function main() {
  const env = readEnv();
  const { url, embedded } = await resolveDatabase(console.log);
  const db = createPrismaClient(url, { max: 2 });
  try {
    const report = await runSeed(db, { demo: env.NODE_ENV !== "production" || env.MOCKROOM_DEMO });
    for (const line of report.lines) console.log(line);
    if (report.demoPassword) console.log(`Demo password (shown once): ${report.demoPassword}`);
  } finally {
    await db.$disconnect();
    if (embedded?.started) await embedded.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
