// The servers the end-to-end tests drive, one a lane (tests/e2e/accounts.ts): the production build, each on a
// database of its own (created from the migrations and seeded like `npm start` once, then copied), dropped again
// when Playwright stops them. Each sends email through a real SMTP server started here (tests/support/mailbox.ts),
// which writes every message it receives to its lane's mail file for the tests to read, and has a fake
// OpenAI-compatible endpoint of its own for spoken answers and AI feedback.
import { migrate } from "../../lib/db/migrations/runner";
import { createPrismaClient } from "../../lib/db/prisma-client";
import { buildIfStale } from "../../lib/cli/build";
import { spawnServer, type ServerProcess } from "../../lib/cli/serve";
import {
  ADMIN_EMAIL,
  E2E_AI_MODEL,
  E2E_BASE_PORT,
  E2E_LANES,
  E2E_TRANSCRIBE_MODEL,
  E2E_TRANSCRIPT,
  laneAiFile,
  laneAiUrlFile,
  laneDatabaseFile,
  laneMailFile,
} from "./accounts";
import { startFakeOpenAI } from "../support/fake-openai";
import { startMailbox } from "../support/mailbox";
import { runSeed } from "../../seed/load";
import {
  createDatabase,
  dropDatabase,
  dropStaleTestDatabases,
  resolveTestServer,
  uniqueName,
} from "../support/postgres";
import fs from "node:fs";
import path from "node:path";

type Closable = { close(): Promise<unknown> };

async function main() {
  process.env.LOG_LEVEL ??= "warn"; // before anything reads the environment
  const server = await resolveTestServer(console.log);
  await dropStaleTestDatabases(server.adminUrl);
  const databases: string[] = [];
  const running: ServerProcess[] = [];
  const helpers: Closable[] = [];

  let stopping = false;
  const shutdown = async (code = 0) => {
    // Once: a server stopped here exits, and its exit would start another shutdown.
    if (stopping) return;
    stopping = true;
    await Promise.all(running.map((r) => r.stop().catch(() => undefined)));
    await Promise.all(helpers.map((h) => h.close().catch(() => undefined)));
    for (const database of databases) await dropDatabase(server.adminUrl, database).catch(() => undefined);
    if (server.embedded?.started) await server.embedded.stop();
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());

  try {
    // The first lane's database is migrated and seeded; the others are copies of it, made before anyone connects.
    const first = uniqueName("mockroom_e2e");
    await createDatabase(server.adminUrl, first);
    databases.push(first);
    await migrate({ databaseUrl: server.urlFor(first), dir: path.resolve("prisma/migrations") });
    const db = createPrismaClient(server.urlFor(first), { max: 1 });
    await runSeed(db, { demo: false });
    await db.$disconnect();
    for (let lane = 1; lane < E2E_LANES; lane++) {
      const copy = uniqueName("mockroom_e2e");
      await createDatabase(server.adminUrl, copy, first);
      databases.push(copy);
    }
    buildIfStale(console.log);
    fs.mkdirSync(".data", { recursive: true });

    for (let lane = 0; lane < E2E_LANES; lane++) {
      const url = server.urlFor(databases[lane]!);
      const port = E2E_BASE_PORT + lane;
      fs.writeFileSync(laneMailFile(lane), "");
      const mailbox = await startMailbox({
        onMail: (mail) => fs.appendFileSync(laneMailFile(lane), JSON.stringify(mail) + "\n"),
      });
      helpers.push(mailbox);
      // Spoken answers are transcribed by a fake OpenAI-compatible endpoint; the tests read what it was sent.
      fs.writeFileSync(laneAiFile(lane), "");
      const ai = await startFakeOpenAI({
        fallback: { kind: "transcript", text: E2E_TRANSCRIPT },
        onRequest: (request) => fs.appendFileSync(laneAiFile(lane), JSON.stringify(request) + "\n"),
      });
      helpers.push(ai);
      fs.writeFileSync(laneAiUrlFile(lane), ai.baseUrl);
      // The server runs as `npm start` runs it: the bundled entry in a process of its own.
      const app = await spawnServer({
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        // Listed, to show that registering it does not make an admin (tests/security/authorization.spec.ts).
        ADMIN_EMAILS: ADMIN_EMAIL,
        SMTP_URL: mailbox.url,
        MAIL_FROM: "Mockroom <no-reply@mockroom.test>",
        TRANSCRIBE_BASE_URL: ai.baseUrl,
        TRANSCRIBE_MODEL: E2E_TRANSCRIBE_MODEL,
        TRANSCRIBE_API_KEY: "sk-e2e-test",
        AI_BASE_URL: ai.baseUrl,
        AI_MODEL: E2E_AI_MODEL,
        AI_API_KEY: "sk-e2e-ai",
      });
      running.push(app);
      app.child.once("exit", (code) => void shutdown(code === 0 ? 0 : 1));
      // Tests that must move an interview's clock (instead of waiting 45 minutes) read the database from here.
      fs.writeFileSync(laneDatabaseFile(lane), url);
      console.log(`e2e lane ${lane} ready on ${app.url} (database ${databases[lane]})`);
    }
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

void main();
