// The server the end-to-end tests drive: the production build, on a database of its own (created from
// the migrations, seeded like `npm start`), dropped again when Playwright stops it. It sends email through a
// real SMTP server started here (tests/support/mailbox.ts), which writes every message it receives to
// E2E_MAIL_FILE for the tests to read.
import { migrate } from "../../lib/db/migrations/runner";
import { createPrismaClient } from "../../lib/db/prisma-client";
import { buildIfStale } from "../../lib/cli/build";
import { spawnServer, type ServerProcess } from "../../lib/cli/serve";
import {
  ADMIN_EMAIL,
  E2E_AI_FILE,
  E2E_AI_MODEL,
  E2E_AI_URL_FILE,
  E2E_MAIL_FILE,
  E2E_TRANSCRIBE_MODEL,
  E2E_TRANSCRIPT,
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

export const E2E_DATABASE_FILE = ".data/e2e-database-url";

async function main() {
  process.env.LOG_LEVEL ??= "warn"; // before anything reads the environment
  const port = Number(process.env.E2E_PORT ?? 3100);
  const server = await resolveTestServer(console.log);
  await dropStaleTestDatabases(server.adminUrl);
  const database = uniqueName("mockroom_e2e");
  await createDatabase(server.adminUrl, database);
  const url = server.urlFor(database);
  let running: ServerProcess | undefined;
  fs.mkdirSync(path.dirname(E2E_MAIL_FILE), { recursive: true });
  fs.writeFileSync(E2E_MAIL_FILE, "");
  const mailbox = await startMailbox({
    onMail: (mail) => fs.appendFileSync(E2E_MAIL_FILE, JSON.stringify(mail) + "\n"),
  });

  // Spoken answers are transcribed by a fake OpenAI-compatible endpoint; the tests read what it was sent.
  fs.writeFileSync(E2E_AI_FILE, "");
  const ai = await startFakeOpenAI({
    fallback: { kind: "transcript", text: E2E_TRANSCRIPT },
    onRequest: (request) => fs.appendFileSync(E2E_AI_FILE, JSON.stringify(request) + "\n"),
  });
  fs.writeFileSync(E2E_AI_URL_FILE, ai.baseUrl);

  const shutdown = async (code = 0) => {
    await running?.stop().catch(() => undefined);
    await mailbox.close().catch(() => undefined);
    await ai.close().catch(() => undefined);
    await dropDatabase(server.adminUrl, database).catch(() => undefined);
    if (server.embedded?.started) await server.embedded.stop();
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("SIGINT", () => void shutdown());

  try {
    await migrate({ databaseUrl: url, dir: path.resolve("prisma/migrations") });
    const db = createPrismaClient(url, { max: 1 });
    await runSeed(db, { demo: false });
    await db.$disconnect();
    buildIfStale(console.log);
    // The server runs as `npm start` runs it: the bundled entry in a process of its own.
    running = await spawnServer({
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
    running.child.once("exit", (code) => void shutdown(code === 0 ? 0 : 1));
    // Tests that must move an interview's clock (instead of waiting 45 minutes) read the database from here.
    fs.mkdirSync(".data", { recursive: true });
    fs.writeFileSync(E2E_DATABASE_FILE, url);
    console.log(`e2e server ready on ${running.url} (database ${database})`);
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

void main();
