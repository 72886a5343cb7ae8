// Memory and stalls of the heaviest account moves: imports a generated export document into an empty account
// of the production server (the bundle `npm start` runs, 256 MB heap), then exports it as JSON and as
// Markdown, while another client asks GET /api/ping every 50 ms. Reports the server's peak RSS
// (/proc/<pid>/status VmHWM, reset before each step), its largest heapUsed (sampled over IPC), the slowest
// ping and the longest the server's event loop was blocked (asked over IPC) in each step.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/import-memory.ts [--shape=issue|max] [--port=3390]
//     [--server-flags=--cpu-prof,--cpu-prof-dir=/tmp/prof]
// Needs a build (`npm run build`). Uses a database of its own (mockroom_import_bench), dropped at the end.
// Figures and what they showed: docs/performance.md, "Moving an account".
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { spawnServer } from "../lib/cli/serve";
import { migrate } from "../lib/db/migrations/runner";
import { createPrismaClient } from "../lib/db/prisma-client";
import { runSeed } from "../seed/load";
import { readContent } from "../seed/content";
import { generateExportDocument, HEAVIEST, ISSUE_19, type DocumentShape } from "./export-document";

const SECRET = "import-bench-secret-import-bench-secret-01";
const PINGER = `
  const { parentPort, workerData } = require("node:worker_threads");
  let stop = false, max = 0, failed = 0;
  const slow = [], began = performance.now();
  parentPort.once("message", () => (stop = true));
  (async () => {
    await fetch(workerData.url).catch(() => undefined); // the thread's first request sets up its client: not measured
    parentPort.postMessage("ready");
    while (!stop) {
      const started = performance.now();
      const ok = await fetch(workerData.url, { signal: AbortSignal.timeout(120000) }).then((r) => r.ok, () => false);
      const took = performance.now() - started;
      if (!ok) failed++;
      if (took > 250) slow.push(Math.round(took) + " ms at " + ((started - began) / 1000).toFixed(1) + " s");
      max = Math.max(max, took);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    parentPort.postMessage({ max, failed, slow });
  })();`;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** `count` plain questions (slugs extra-q-1 …) in the first topic; returns their slugs. */
async function addQuestions(db: ReturnType<typeof createPrismaClient>, count: number): Promise<string[]> {
  await db.$executeRaw`
    insert into "Question" (id, slug, title, prompt, "modelAnswer", "keyPoints", difficulty, "topicId", tags, "estimatedMinutes", source, "updatedAt")
    select gen_random_uuid(), 'extra-q-' || g, 'Extra question ' || g, 'Explain querysets.', 'They are lazy.', array['lazy evaluation', 'one query', 'caching'],
           'MEDIUM', (select id from "Topic" order by "order" limit 1), array['extra'], 5, 'bench', now()
    from generate_series(1, ${count}::int) g`;
  return Array.from({ length: count }, (_, i) => `extra-q-${i + 1}`);
}

async function main() {
  const given = process.env.DATABASE_URL;
  if (!given)
    throw new Error(
      "Set DATABASE_URL to a PostgreSQL server (any database on it); a database of its own is created there.",
    );
  const shapeName = arg("shape") ?? "issue";
  const shape: DocumentShape = shapeName === "max" ? HEAVIEST : ISSUE_19;
  const port = Number(arg("port") ?? 3390);
  const admin = new URL(given);
  const url = new URL(given);
  url.pathname = "/mockroom_import_bench";
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query("drop database if exists mockroom_import_bench with (force)");
  await adminClient.query("create database mockroom_import_bench");
  await migrate({ databaseUrl: url.toString(), dir: path.resolve("prisma/migrations") });
  const db = createPrismaClient(url.toString(), { max: 2 });
  await runSeed(db, { demo: false });
  const content = readContent();
  // Enough questions that no kind names one twice: the seed's, plus plain ones for the rest.
  const extra = await addQuestions(db, 6_000);
  const body = JSON.stringify(
    generateExportDocument(
      shape,
      [...content.questions.map((q) => q.slug), ...extra],
      content.companies.map((c) => c.slug),
    ),
  );
  console.log(`document (${shapeName}): ${mb(Buffer.byteLength(body))} MB`);

  const base = `http://127.0.0.1:${port}`;
  const server = await spawnServer(
    {
      ...process.env,
      DATABASE_URL: url.toString(),
      AUTH_SECRET: SECRET,
      NEXTAUTH_URL: base,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    { nodeFlags: arg("server-flags")?.split(",").filter(Boolean) ?? [] },
  );
  const pid = server.child.pid!;
  let exit: string | null = null;
  server.child.once("exit", (code, signal) => (exit = `exited (${signal ?? `code ${code}`})`));
  const user = await db.user.create({ data: { email: "heavy@example.test", name: "Heavy" } });
  // A session as sign-in opens it (lib/data/sessions.ts): a Session row, named by the token.
  const session = await db.session.create({
    data: { id: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, sid: session.id, signedInAt: Math.floor(Date.now() / 1000) }, secret: SECRET, maxAge: 3600 })}`;

  const status = (field: string) =>
    Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0) * 1024;
  // Warm up the routes involved, so the step measures the work, not the first compile of a route.
  for (let i = 0; i < 20; i++) await fetch(`${base}/api/ping`);
  await fetch(`${base}/api/me/export`, { headers: { cookie } }).then((r) => r.arrayBuffer());
  await fetch(`${base}/api/me/import`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: "{}",
  }).then((r) => r.arrayBuffer());

  async function step(name: string, run: () => Promise<string>) {
    if (exit) return console.log(`${name}: skipped, the server ${exit}`);
    const rssBefore = status("VmRSS");
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
    // Another user: GET /api/ping every 50 ms from a thread of its own, so this process's work cannot delay it.
    const pinger = new Worker(PINGER, { eval: true, workerData: { url: `${base}/api/ping` } });
    await new Promise((resolve) => pinger.once("message", resolve));
    const pings = new Promise<{ max: number; failed: number; slow: string[] }>((resolve) =>
      pinger.once("message", resolve),
    );
    const started = performance.now();
    let outcome: string;
    try {
      outcome = await run();
    } catch (error) {
      outcome = `failed: ${(error as Error).message}`;
    }
    const seconds = (performance.now() - started) / 1000;
    const peak = exit ? 0 : status("VmHWM");
    pinger.postMessage("stop");
    const { max, failed, slow } = await pings;
    await pinger.terminate();
    console.log(
      `${name}: ${outcome} in ${seconds.toFixed(1)} s; RSS before ${mb(rssBefore)} MB, peak ${exit ? `? (server ${exit})` : `${mb(peak)} MB`}; ` +
        `slowest ping ${Math.round(max)} ms${failed ? `, ${failed} pings failed` : ""}`,
    );
    if (slow.length) console.log(`  pings over 250 ms: ${slow.join(", ")}`);
  }

  await step("import", async () => {
    const response = await fetch(`${base}/api/me/import`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base },
      body,
    });
    const text = await response.text();
    return `HTTP ${response.status} ${text.slice(0, 300)}`;
  });
  for (const format of ["json", "markdown"]) {
    await step(`export ${format}`, async () => {
      const response = await fetch(`${base}/api/me/export?format=${format}`, { headers: { cookie } });
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
      return `HTTP ${response.status}, ${mb(bytes)} MB`;
    });
  }
  await server.stop();
  await db.$disconnect();
  await adminClient.query("drop database if exists mockroom_import_bench with (force)");
  await adminClient.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
